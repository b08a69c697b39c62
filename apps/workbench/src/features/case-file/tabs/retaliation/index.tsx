import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { Field } from '../../../../ui/Field';
import { ServerTable } from '../../../../ui/ServerTable';
import type { CaseFileTab, CaseFileTabProps, InvestigationView } from '../../case-file-tab';
import { type RetaliationConcern } from '../../investigation';
import { ActionForm } from '../../ActionForm';
import { ClosedNotice, INVESTIGATION_READERS, NoInvestigationInTab, useMayAct } from '../../tab-parts';
import { Checkbox } from '../../../../ui/Checkbox';
import { useCaseWorkers, useWorkerLabel, type KnownWorker } from '../../workers';

const FLAG = 'POST /api/v1/cases/{caseId}/investigation/retaliation-concerns';
const KINDS = [
  'termination',
  'reduced_hours',
  'threat',
  'immigration_threat',
  'blacklisting',
  'other',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const column = createColumnHelper<RetaliationConcern>();

/** Retaliation concerns (kind, when reported, workers at risk) and the form that flags one. */
function RetaliationTab({ caseId, investigation, refresh }: CaseFileTabProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const workers = useCaseWorkers(caseId);
  const workerLabel = useWorkerLabel(workers.data);
  const columns = useMemo(
    () => [
      column.accessor('reportedOn', {
        header: t('retaliation.columns.reported'),
        cell: (c) => <span className="text-no-wrap">{f.date(c.getValue())}</span>,
      }),
      column.accessor('kind', {
        header: t('retaliation.columns.kind'),
        cell: (c) => t(`retaliation.kinds.${c.getValue()}` as 'retaliation.kinds.other'),
      }),
      column.accessor('workerIds', {
        header: t('retaliation.columns.workers'),
        cell: (c) =>
          c.getValue().length ? c.getValue().map(workerLabel).join(' · ') : t('retaliation.noWorkers'),
      }),
    ],
    [t, f, workerLabel],
  );
  if (!investigation) return <NoInvestigationInTab />;
  return (
    <>
      <ClosedNotice investigation={investigation} />
      <ServerTable
        caption={t('retaliation.caption')}
        orderNote={t('retaliation.note')}
        columns={columns}
        rows={investigation.retaliationConcerns}
        rowKey={(r) => r.concernId}
        empty={t('retaliation.empty')}
      />
      <FlagConcern
        caseId={caseId}
        investigation={investigation}
        workers={workers.data ?? []}
        refresh={refresh}
      />
    </>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function FlagConcern({
  caseId,
  investigation,
  workers,
  refresh,
}: {
  caseId: string;
  investigation: InvestigationView;
  workers: KnownWorker[];
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const mayFlag = useMayAct(FLAG, investigation);
  const labelOf = useWorkerLabel(workers);
  const blank = {
    kind: 'threat' as (typeof KINDS)[number],
    reportedOn: today(),
    chosen: [] as string[],
    otherIds: '',
    description: '',
  };
  const [form, setForm] = useState(blank);
  const [otherError, setOtherError] = useState<string | undefined>();
  const set = <K extends keyof typeof blank>(k: K, v: (typeof blank)[K]) =>
    setForm((x) => ({ ...x, [k]: v }));
  const flag = useMutation({
    mutationFn: async (workerIds: string[]) =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/retaliation-concerns', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
          },
          body: { kind: form.kind, reportedOn: form.reportedOn, workerIds, description: form.description },
        }),
      ),
    onSuccess: () => {
      setForm(blank);
      refresh();
    },
  });
  if (!mayFlag) return null;
  const errors = isApiError(flag.error) ? flag.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Other workers by id, one per line or separated by commas; an id that is not one is said here.
    const others = form.otherIds.split(/[\s,]+/).filter(Boolean);
    const bad = others.filter((id) => !UUID.test(id));
    setOtherError(bad.length ? t('retaliation.form.badIds', { ids: bad.join(', ') }) : undefined);
    if (bad.length) return;
    flag.mutate([...new Set([...form.chosen, ...others.map((x) => x.toLowerCase())])]);
  };
  const workerIdsError = Object.entries(errors).find(([k]) => k.startsWith('workerIds'))?.[1];

  return (
    <ActionForm
      id="retaliation-form"
      heading={t('retaliation.form.heading')}
      done={flag.isSuccess ? t('retaliation.form.done') : undefined}
      error={flag.error}
      onReload={() => {
        flag.reset();
        refresh();
      }}
      onSubmit={submit}
      submitLabel={flag.isPending ? t('caseFile.saving') : t('retaliation.form.submit')}
      busy={flag.isPending}
    >
      <Field label={t('retaliation.form.kind')} error={errors.kind} required>
        <select
          className="usa-select"
          name="kind"
          value={form.kind}
          onChange={(e) => set('kind', e.target.value as typeof form.kind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`retaliation.kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('retaliation.form.reportedOn')} error={errors.reportedOn} required>
        <input
          type="date"
          className="usa-input usa-input--medium"
          name="reportedOn"
          value={form.reportedOn}
          onChange={(e) => set('reportedOn', e.target.value)}
        />
      </Field>
      <fieldset
        className={`usa-fieldset margin-top-3${workerIdsError ? ' usa-form-group usa-form-group--error' : ''}`}
      >
        <legend className="usa-legend">{t('retaliation.form.workers')}</legend>
        {workerIdsError && (
          <span className="usa-error-message" role="alert">
            {workerIdsError}
          </span>
        )}
        {workers.map((w) => (
          <Checkbox
            key={w.workerId}
            label={labelOf(w.workerId)}
            checked={form.chosen.includes(w.workerId)}
            onChange={(v) =>
              set('chosen', v ? [...form.chosen, w.workerId] : form.chosen.filter((x) => x !== w.workerId))
            }
          />
        ))}
      </fieldset>
      <Field
        label={t('retaliation.form.otherIds')}
        hint={t('retaliation.form.otherIdsHint')}
        error={otherError}
      >
        <textarea
          className="usa-textarea"
          name="otherIds"
          rows={2}
          value={form.otherIds}
          onChange={(e) => set('otherIds', e.target.value)}
        />
      </Field>
      <Field
        label={t('retaliation.form.description')}
        hint={t('retaliation.form.descriptionHint')}
        error={errors.description}
        required
      >
        <textarea
          className="usa-textarea"
          name="description"
          rows={4}
          value={form.description}
          onChange={(e) => set('description', e.target.value)}
        />
      </Field>
    </ActionForm>
  );
}

export const tab: CaseFileTab = {
  id: 'retaliation',
  order: 80,
  labelKey: 'caseFile.tabs.retaliation',
  roles: INVESTIGATION_READERS,
  Component: RetaliationTab,
};
