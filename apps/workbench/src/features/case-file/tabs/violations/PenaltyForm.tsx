import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import { centsOf, errorFor, type AssessPenaltyBody } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { Check } from '../../tab-parts';

const EMPTY = { employerId: '', amount: '', statute: '', basis: '' };

/** Assess a civil penalty on one employer, in dollars as typed (sent as integer cents). */
export function PenaltyForm({
  caseId,
  view,
  onAssessed,
  onReload,
}: {
  caseId: string;
  view: InvestigationView;
  onAssessed: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const f = useFormat();
  const [form, setForm] = useState({
    ...EMPTY,
    employerId: view.employers.length === 1 ? (view.employers[0]?.employerId ?? '') : '',
  });
  const [violationIds, setViolationIds] = useState<string[]>([]);
  // What is missing is said here, in the person's language; the server says what else is wrong.
  const [missing, setMissing] = useState<Record<string, string>>({});
  const set = (key: keyof typeof EMPTY, value: string) => setForm((v) => ({ ...v, [key]: value }));

  const assess = useMutation({
    mutationFn: async (body: AssessPenaltyBody) =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/civil-penalties', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(view.version) },
          },
          body,
        }),
      ),
    onSuccess: () => {
      setForm(EMPTY);
      setViolationIds([]);
      onAssessed();
    },
  });
  const errors = { ...(isApiError(assess.error) ? assess.error.fieldErrors() : {}), ...missing };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const cents = centsOf(form.amount);
    const required = t('violations.form.required');
    const empty: Record<string, string> = {};
    if (!form.employerId) empty.employerId = required;
    if (cents === null || cents <= 0) empty.amountCents = t('violations.penalty.amountInvalid');
    if (!form.statute.trim()) empty.statute = required;
    if (!form.basis.trim()) empty.basis = required;
    setMissing(empty);
    if (Object.keys(empty).length > 0 || cents === null) return;
    assess.reset();
    assess.mutate({
      employerId: form.employerId,
      amountCents: cents,
      statute: form.statute,
      violationIds,
      basis: form.basis,
    });
  };

  if (view.employers.length === 0) return null;
  return (
    <form
      className="usa-form maxw-tablet"
      onSubmit={submit}
      aria-labelledby="penalty-form-heading"
      noValidate
    >
      <h3 id="penalty-form-heading">{t('violations.penalty.heading')}</h3>
      <ErrorAlert error={assess.error} onReload={onReload} />
      <Field label={t('violations.penalty.employer')} error={errorFor(errors, 'employerId')} required>
        <select
          className="usa-select"
          value={form.employerId}
          onChange={(e) => set('employerId', e.currentTarget.value)}
        >
          <option value="">{t('violations.form.choose')}</option>
          {view.employers.map((emp) => (
            <option key={emp.employerId} value={emp.employerId}>
              {emp.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('violations.penalty.amount')}
        hint={t('violations.penalty.amountHint')}
        error={errorFor(errors, 'amountCents')}
        required
      >
        <input
          className="usa-input usa-input--medium"
          inputMode="decimal"
          value={form.amount}
          onChange={(e) => set('amount', e.currentTarget.value)}
        />
      </Field>
      <Field
        label={t('violations.columns.statute')}
        hint={t('violations.penalty.statuteHint')}
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
      {view.violations.length > 0 && (
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('violations.penalty.forViolations')}</legend>
          {view.violations.map((v) => (
            <Check
              key={v.violationId}
              id={`${uid}-${v.violationId}`}
              label={`${t(`violations.type.${v.type}`)} · ${v.statute}`}
              hint={`${f.date(v.periodStart)} – ${f.date(v.periodEnd)}`}
              checked={violationIds.includes(v.violationId)}
              onChange={(on) =>
                setViolationIds((ids) =>
                  on ? [...ids, v.violationId] : ids.filter((id) => id !== v.violationId),
                )
              }
            />
          ))}
        </fieldset>
      )}
      <Field label={t('violations.columns.basis')} error={errorFor(errors, 'basis')} required>
        <textarea
          className="usa-textarea"
          value={form.basis}
          maxLength={4000}
          onChange={(e) => set('basis', e.currentTarget.value)}
        />
      </Field>
      <button type="submit" className="usa-button margin-top-3" disabled={assess.isPending}>
        {t('violations.penalty.submit')}
      </button>
    </form>
  );
}
