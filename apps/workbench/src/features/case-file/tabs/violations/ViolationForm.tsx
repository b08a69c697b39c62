import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import { errorFor, type FindViolationBody, type ViolationType } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { Check } from '../../tab-parts';

export const VIOLATION_TYPES: readonly ViolationType[] = [
  'minimum_wage',
  'overtime',
  'unpaid_wages',
  'final_paycheck',
  'meal_rest_break',
  'tip_theft',
  'misclassification',
  'retaliation',
  'recordkeeping',
  'child_labor',
  'other',
];

const EMPTY = {
  type: '' as '' | ViolationType,
  statute: '',
  periodStart: '',
  periodEnd: '',
  workersAffected: '',
  willful: false,
  basis: '',
};

/** Record a violation found: what, under which statute, by which employers, when, how many workers. */
export function ViolationForm({
  caseId,
  view,
  onRecorded,
  onReload,
}: {
  caseId: string;
  view: InvestigationView;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [form, setForm] = useState(EMPTY);
  // With one employer on the case, it is the one; with several, the investigator picks.
  const [employerIds, setEmployerIds] = useState<string[]>(
    view.employers.length === 1 ? view.employers.map((e) => e.employerId) : [],
  );
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const record = useMutation({
    mutationFn: async (body: FindViolationBody) =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/violations', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(view.version) },
          },
          body,
        }),
      ),
    onSuccess: () => {
      setForm(EMPTY);
      onRecorded();
    },
  });
  // What is missing is said here, in the person's language; the server says what else is wrong.
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...(isApiError(record.error) ? record.error.fieldErrors() : {}), ...missing };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const workers = form.workersAffected.trim();
    const required = t('violations.form.required');
    const empty: Record<string, string> = {};
    if (!form.type) empty.type = required;
    if (!form.statute.trim()) empty.statute = required;
    if (employerIds.length === 0) empty.employerIds = t('violations.form.chooseEmployer');
    if (!form.periodStart) empty.periodStart = required;
    if (!form.periodEnd) empty.periodEnd = required;
    if (!/^\d+$/.test(workers) || Number(workers) < 1)
      empty.workersAffected = t('violations.form.workersInvalid');
    if (!form.basis.trim()) empty.basis = required;
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    record.reset();
    record.mutate({
      type: form.type || 'other',
      statute: form.statute,
      employerIds,
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      workersAffected: Number(workers),
      willful: form.willful,
      basis: form.basis,
    });
  };

  if (view.employers.length === 0) return <p className="text-base-dark">{t('violations.form.noEmployer')}</p>;

  return (
    <form
      className="usa-form maxw-tablet"
      onSubmit={submit}
      aria-labelledby="violation-form-heading"
      noValidate
    >
      <h3 id="violation-form-heading">{t('violations.form.heading')}</h3>
      <ErrorAlert error={record.error} onReload={onReload} />
      <Field label={t('violations.columns.type')} error={errorFor(errors, 'type')} required>
        <select
          className="usa-select"
          value={form.type}
          onChange={(e) => set('type', e.currentTarget.value as ViolationType)}
        >
          <option value="">{t('violations.form.choose')}</option>
          {VIOLATION_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`violations.type.${v}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('violations.columns.statute')}
        hint={t('violations.form.statuteHint')}
        error={errorFor(errors, 'statute')}
        required
      >
        <input
          className="usa-input"
          value={form.statute}
          maxLength={120}
          onChange={(e) => set('statute', e.currentTarget.value)}
        />
      </Field>
      <fieldset
        className={`usa-fieldset margin-top-3${errorFor(errors, 'employerIds') ? ' usa-form-group usa-form-group--error' : ''}`}
      >
        <legend className="usa-legend">{t('violations.columns.employers')}</legend>
        {errorFor(errors, 'employerIds') && (
          <span className="usa-error-message" role="alert">
            {errorFor(errors, 'employerIds')}
          </span>
        )}
        {view.employers.map((emp) => (
          <Check
            key={emp.employerId}
            id={`${uid}-${emp.employerId}`}
            label={emp.name}
            hint={t(`violations.employerRole.${emp.role as 'direct'}`, { defaultValue: emp.role })}
            checked={employerIds.includes(emp.employerId)}
            onChange={(on) =>
              setEmployerIds((ids) =>
                on ? [...ids, emp.employerId] : ids.filter((id) => id !== emp.employerId),
              )
            }
          />
        ))}
      </fieldset>
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-6">
          <Field label={t('violations.form.periodStart')} error={errorFor(errors, 'periodStart')} required>
            <input
              className="usa-input"
              type="date"
              value={form.periodStart}
              onChange={(e) => set('periodStart', e.currentTarget.value)}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-6">
          <Field label={t('violations.form.periodEnd')} error={errorFor(errors, 'periodEnd')} required>
            <input
              className="usa-input"
              type="date"
              value={form.periodEnd}
              onChange={(e) => set('periodEnd', e.currentTarget.value)}
            />
          </Field>
        </div>
      </div>
      <Field
        label={t('violations.form.workersAffected')}
        error={errorFor(errors, 'workersAffected')}
        required
      >
        <input
          className="usa-input usa-input--small"
          inputMode="numeric"
          value={form.workersAffected}
          onChange={(e) => set('workersAffected', e.currentTarget.value)}
        />
      </Field>
      <Check
        id={`${uid}-willful`}
        label={t('violations.form.willful')}
        hint={t('violations.form.willfulHint')}
        checked={form.willful}
        onChange={(v) => set('willful', v)}
      />
      <Field
        label={t('violations.columns.basis')}
        hint={t('violations.form.basisHint')}
        error={errorFor(errors, 'basis')}
        required
      >
        <textarea
          className="usa-textarea"
          value={form.basis}
          maxLength={4000}
          onChange={(e) => set('basis', e.currentTarget.value)}
        />
      </Field>
      <button type="submit" className="usa-button margin-top-3" disabled={record.isPending}>
        {t('violations.form.submit')}
      </button>
    </form>
  );
}
