import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import { employerNames, errorFor, type ProposeBody } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { Check } from '../../tab-parts';
import { amountsOf, header } from './determination-parts';

/** The assigned investigator proposes (or proposes again): computation, employers, violations, penalties, summary. */
export function ProposeForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: InvestigationView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const f = useFormat();
  const pending = view.determination?.proposal;
  const [computationId, setComputationId] = useState(view.latestComputationId ?? '');
  const [violationIds, setViolationIds] = useState(view.violations.map((v) => v.violationId));
  const [penaltyIds, setPenaltyIds] = useState(view.civilPenalties.map((p) => p.penaltyId));
  const [employerIds, setEmployerIds] = useState(view.employers.map((e) => e.employerId));
  const [summary, setSummary] = useState(pending?.summary ?? '');
  const propose = useMutation({
    mutationFn: async (body: ProposeBody) =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/determination/proposal', {
          params: { path: { caseId }, header: header(view) },
          body,
        }),
      ),
    onSuccess: onDone,
  });
  // What is missing is said here, in the person's language; the server says what else is wrong.
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...(isApiError(propose.error) ? propose.error.fieldErrors() : {}), ...missing };
  const a = amountsOf(view, computationId, penaltyIds);
  const toggle = (set: (fn: (ids: string[]) => string[]) => void, id: string) => (on: boolean) =>
    set((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const empty: Record<string, string> = {};
    if (employerIds.length === 0) empty.employerIds = t('violations.form.chooseEmployer');
    if (!summary.trim()) empty.summary = t('violations.form.required');
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    propose.reset();
    propose.mutate({
      computationId: computationId || undefined,
      violationIds,
      penaltyIds,
      employerIds,
      summary,
    });
  };
  return (
    <form className="usa-form maxw-tablet-lg" onSubmit={submit} aria-labelledby="propose-heading" noValidate>
      <h3 id="propose-heading">
        {pending ? t('determination.propose.again') : t('determination.propose.heading')}
      </h3>
      <ErrorAlert error={propose.error} onReload={onDone} />
      <Field
        label={t('determination.propose.computation')}
        hint={t('determination.propose.computationHint')}
        error={errorFor(errors, 'computationId')}
        required
      >
        <select
          className="usa-select maxw-full"
          value={computationId}
          onChange={(e) => setComputationId(e.currentTarget.value)}
        >
          {[...view.computations].reverse().map((c) => (
            <option key={c.computationId} value={c.computationId}>
              {t('determination.propose.computationOption', {
                total: f.money(c.totals.totalCents),
                ruleSets: c.ruleSets.map((r) => r.id).join(' + '),
                at: f.dateTime(c.recordedAt),
              })}
              {c.computationId === view.latestComputationId ? ` (${t('backWages.latest')})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        className={`usa-fieldset margin-top-3${errorFor(errors, 'employerIds') ? ' usa-form-group usa-form-group--error' : ''}`}
      >
        <legend className="usa-legend">{t('determination.propose.employers')}</legend>
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
            checked={employerIds.includes(emp.employerId)}
            onChange={toggle(setEmployerIds, emp.employerId)}
          />
        ))}
      </fieldset>
      {view.violations.length > 0 && (
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('determination.propose.violations')}</legend>
          {view.violations.map((v) => (
            <Check
              key={v.violationId}
              id={`${uid}-${v.violationId}`}
              label={`${t(`violations.type.${v.type}`)} · ${v.statute}`}
              checked={violationIds.includes(v.violationId)}
              onChange={toggle(setViolationIds, v.violationId)}
            />
          ))}
        </fieldset>
      )}
      {view.civilPenalties.length > 0 && (
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">{t('determination.propose.penalties')}</legend>
          {view.civilPenalties.map((p) => (
            <Check
              key={p.penaltyId}
              id={`${uid}-${p.penaltyId}`}
              label={`${employerNames(view, [p.employerId])} · ${f.money(p.amountCents)}`}
              hint={p.statute}
              checked={penaltyIds.includes(p.penaltyId)}
              onChange={toggle(setPenaltyIds, p.penaltyId)}
            />
          ))}
        </fieldset>
      )}
      <Field
        label={t('determination.summary')}
        hint={t('determination.propose.summaryHint')}
        error={errorFor(errors, 'summary')}
        required
      >
        <textarea
          className="usa-textarea"
          value={summary}
          maxLength={20000}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
      </Field>
      <p className="margin-top-2" aria-live="polite">
        {t('determination.propose.totalIs', { total: f.money(a.total) })}
      </p>
      <button type="submit" className="usa-button" disabled={propose.isPending}>
        {t('determination.propose.submit')}
      </button>
    </form>
  );
}
