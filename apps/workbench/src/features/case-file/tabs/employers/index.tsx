import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { Field } from '../../../../ui/Field';
import { ServerTable } from '../../../../ui/ServerTable';
import { ActionForm } from '../../ActionForm';
import type { CaseFileTab, CaseFileTabProps, InvestigationView } from '../../case-file-tab';
import type { Employer } from '../../investigation';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab, useMayAct } from '../../tab-parts';

const ADD = 'POST /api/v1/cases/{caseId}/investigation/employers';
const ROLES = ['direct', 'joint', 'successor', 'client', 'contractor'] as const;
const column = createColumnHelper<Employer>();

/**
 * The employers the investigation holds liable, each with its liability role and basis (joint
 * employers, successors, clients of a staffing contractor). A determination names them, so at
 * least one is needed before proposing it.
 */
function EmployersTab({ caseId, investigation, refresh }: CaseFileTabProps) {
  const { t } = useTranslation();
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('employers.columns.name'),
        cell: (c) => (
          <>
            {c.getValue()}
            {c.row.original.tradeName && (
              <span className="display-block font-body-3xs text-base-dark">
                {t('employers.doingBusinessAs', { name: c.row.original.tradeName })}
              </span>
            )}
          </>
        ),
      }),
      column.accessor('role', {
        header: t('employers.columns.role'),
        cell: (c) => t(`employers.roles.${c.getValue()}`),
      }),
      column.accessor('fein', { header: t('employers.columns.fein'), cell: (c) => c.getValue() ?? '—' }),
      column.accessor('address', {
        header: t('employers.columns.address'),
        cell: (c) => {
          const a = c.getValue();
          return a ? `${a.street}, ${a.city}, ${a.state} ${a.postalCode}` : '—';
        },
      }),
      column.accessor('basis', { header: t('employers.columns.basis') }),
    ],
    [t],
  );
  if (!investigation) return <NoInvestigationInTab />;
  return (
    <>
      <ClosedNotice investigation={investigation} />
      <ServerTable
        caption={t('employers.caption')}
        orderNote={t('employers.note')}
        columns={columns}
        rows={investigation.employers}
        rowKey={(r) => r.employerId}
        empty={t('employers.empty')}
      />
      <AddEmployer caseId={caseId} investigation={investigation} refresh={refresh} />
    </>
  );
}

const blank = {
  name: '',
  tradeName: '',
  fein: '',
  street: '',
  city: '',
  state: '',
  postalCode: '',
  role: 'direct' as (typeof ROLES)[number],
  basis: '',
};

function AddEmployer({
  caseId,
  investigation,
  refresh,
}: {
  caseId: string;
  investigation: InvestigationView;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const mayAdd = useMayAct(ADD, investigation);
  const [form, setForm] = useState(blank);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof blank>(k: K, v: (typeof blank)[K]) =>
    setForm((x) => ({ ...x, [k]: v }));
  const add = useMutation({
    mutationFn: async () => {
      const anyAddress = form.street || form.city || form.state || form.postalCode;
      return ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/employers', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
          },
          body: {
            name: form.name.trim(),
            role: form.role,
            basis: form.basis.trim(),
            ...(form.tradeName.trim() ? { tradeName: form.tradeName.trim() } : {}),
            ...(form.fein.trim() ? { fein: form.fein.trim() } : {}),
            ...(anyAddress
              ? {
                  address: {
                    street: form.street.trim(),
                    city: form.city.trim(),
                    state: form.state.trim().toUpperCase(),
                    postalCode: form.postalCode.trim(),
                  },
                }
              : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      setForm(blank);
      refresh();
    },
  });
  if (!mayAdd) return null;
  const server = isApiError(add.error) ? add.error.fieldErrors() : {};
  const errors = { ...server, ...local };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!form.name.trim()) missing.name = t('employers.form.required');
    if (!form.basis.trim()) missing.basis = t('employers.form.required');
    setLocal(missing);
    if (Object.keys(missing).length === 0) add.mutate();
  };
  return (
    <ActionForm
      id="add-employer"
      heading={t('employers.form.heading')}
      done={add.isSuccess ? t('employers.form.done') : undefined}
      error={add.error}
      onReload={() => {
        add.reset();
        refresh();
      }}
      onSubmit={submit}
      submitLabel={add.isPending ? t('employers.form.adding') : t('employers.form.submit')}
      busy={add.isPending}
    >
      <Field label={t('employers.form.name')} error={errors.name} required>
        <input
          className="usa-input"
          name="name"
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
        />
      </Field>
      <Field label={t('employers.form.tradeName')} error={errors.tradeName}>
        <input
          className="usa-input"
          name="tradeName"
          value={form.tradeName}
          onChange={(e) => set('tradeName', e.target.value)}
        />
      </Field>
      <Field label={t('employers.form.fein')} hint={t('employers.form.feinHint')} error={errors.fein}>
        <input
          className="usa-input usa-input--medium"
          name="fein"
          value={form.fein}
          onChange={(e) => set('fein', e.target.value)}
        />
      </Field>
      <Field
        label={t('employers.form.role')}
        hint={t('employers.form.roleHint')}
        error={errors.role}
        required
      >
        <select
          className="usa-select"
          name="role"
          value={form.role}
          onChange={(e) => set('role', e.target.value as typeof form.role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`employers.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('employers.form.basis')}
        hint={t('employers.form.basisHint')}
        error={errors.basis}
        required
      >
        <textarea
          className="usa-textarea"
          name="basis"
          rows={3}
          value={form.basis}
          onChange={(e) => set('basis', e.target.value)}
        />
      </Field>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('employers.form.address')}</legend>
        <Field label={t('employers.form.street')} error={errors['address.street']}>
          <input
            className="usa-input"
            name="street"
            autoComplete="off"
            value={form.street}
            onChange={(e) => set('street', e.target.value)}
          />
        </Field>
        <Field label={t('employers.form.city')} error={errors['address.city']}>
          <input
            className="usa-input"
            name="city"
            autoComplete="off"
            value={form.city}
            onChange={(e) => set('city', e.target.value)}
          />
        </Field>
        <Field
          label={t('employers.form.state')}
          hint={t('employers.form.stateHint')}
          error={errors['address.state']}
        >
          <input
            className="usa-input usa-input--small"
            name="state"
            maxLength={2}
            value={form.state}
            onChange={(e) => set('state', e.target.value)}
          />
        </Field>
        <Field label={t('employers.form.postalCode')} error={errors['address.postalCode']}>
          <input
            className="usa-input usa-input--medium"
            name="postalCode"
            value={form.postalCode}
            onChange={(e) => set('postalCode', e.target.value)}
          />
        </Field>
      </fieldset>
    </ActionForm>
  );
}

export const tab: CaseFileTab = {
  id: 'employers',
  order: 15,
  labelKey: 'caseFile.tabs.employers',
  roles: INVESTIGATION_READERS,
  Component: EmployersTab,
};
