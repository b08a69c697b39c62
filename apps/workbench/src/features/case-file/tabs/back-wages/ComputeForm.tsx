import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../../../api/client';
import { isApiError } from '../../../../api/problem';
import { useFormat } from '../../../../i18n/format';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Field } from '../../../../ui/Field';
import { errorFor, shortId, type ComputeBody } from '../../investigation-parts';
import type { InvestigationView } from '../../case-file-tab';
import { Check } from '../../tab-parts';
import type { RuleSetCatalog } from './rule-sets';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/**
 * Run a computation over the recorded hours: which laws (rule sets, each in its version in force
 * today), the filing date the limitation period counts back from, willfulness, the workweek's
 * first day and which uploads. What was typed stays after an error.
 */
export function ComputeForm({
  caseId,
  view,
  ruleSets,
  onComputed,
  onReload,
  onCancel,
}: {
  caseId: string;
  view: InvestigationView;
  ruleSets: RuleSetCatalog | undefined;
  onComputed: (computationId: string) => void;
  onReload: () => void;
  /** Offered when the form was opened from the computations list. */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const f = useFormat();
  const latest = view.computations.find((c) => c.computationId === view.latestComputationId);
  const [chosen, setChosen] = useState<string[] | null>(latest ? latest.ruleSets.map((r) => r.id) : null);
  const [filingDate, setFilingDate] = useState(latest?.filingDate ?? view.openedAt?.slice(0, 10) ?? '');
  const [willful, setWillful] = useState(latest?.willful ?? false);
  const [workweekStart, setWorkweekStart] = useState<'' | (typeof WEEKDAYS)[number]>('');
  const [recordSetIds, setRecordSetIds] = useState<string[]>(view.recordSets.map((s) => s.recordSetId));
  // Until the person picks, the federal baseline (or the first rule set the catalog has).
  const ruleSetIds =
    chosen ??
    (ruleSets?.some((r) => r.id === 'US-FLSA')
      ? ['US-FLSA']
      : (ruleSets?.slice(0, 1).map((r) => r.id) ?? []));

  const compute = useMutation({
    mutationFn: async (body: ComputeBody) =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/back-wage-computations', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(view.version) },
          },
          body,
        }),
      ),
    onSuccess: (result) => result.id && onComputed(result.id),
  });
  const errors = isApiError(compute.error) ? compute.error.fieldErrors() : {};

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const all = recordSetIds.length === view.recordSets.length;
    compute.mutate({
      ruleSetIds,
      ...(filingDate ? { filingDate } : {}),
      willful,
      ...(workweekStart ? { workweekStart } : {}),
      // Every upload unless some were left out (the server's default is all of them).
      ...(all ? {} : { recordSetIds }),
    });
  };
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);

  if (view.recordSets.length === 0)
    return (
      <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2" role="status">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{t('backWages.compute.noHours')}</p>
        </div>
      </div>
    );

  return (
    <form
      className="usa-form usa-form--large maxw-none"
      onSubmit={submit}
      aria-labelledby="compute-heading"
      noValidate
    >
      <h3 id="compute-heading">{t('backWages.compute.heading')}</h3>
      <ErrorAlert error={compute.error} onReload={onReload} />
      <fieldset
        className={`usa-fieldset${errorFor(errors, 'ruleSetIds') ? ' usa-form-group usa-form-group--error' : ''}`}
      >
        <legend className="usa-legend">
          {t('backWages.compute.ruleSets')}
          <abbr title="required" className="usa-hint usa-hint--required">
            {' '}
            *
          </abbr>
        </legend>
        <span className="usa-hint">{t('backWages.compute.ruleSetsHint')}</span>
        {errorFor(errors, 'ruleSetIds') && (
          <span className="usa-error-message" role="alert">
            {errorFor(errors, 'ruleSetIds')}
          </span>
        )}
        {!ruleSets && <p role="status">{t('common.loading')}</p>}
        {ruleSets?.map((r) => {
          const current = r.versions.at(-1);
          const name = typeof current?.ruleSet.name === 'string' ? current.ruleSet.name : r.id;
          return (
            <Check
              key={r.id}
              id={`${uid}-${r.id}`}
              label={`${name} (${r.id})`}
              hint={
                current
                  ? t('backWages.compute.version', {
                      version: current.version,
                      from: f.date(current.effectiveFrom),
                    })
                  : undefined
              }
              checked={ruleSetIds.includes(r.id)}
              onChange={(on) => setChosen(toggle(ruleSetIds, r.id, on))}
            />
          );
        })}
      </fieldset>
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-4">
          <Field
            label={t('backWages.compute.filingDate')}
            hint={t('backWages.compute.filingDateHint')}
            error={errorFor(errors, 'filingDate')}
          >
            <input
              className="usa-input"
              type="date"
              value={filingDate}
              onChange={(e) => setFilingDate(e.currentTarget.value)}
            />
          </Field>
        </div>
        <div className="tablet:grid-col-4">
          <Field
            label={t('backWages.compute.workweekStart')}
            hint={t('backWages.compute.workweekStartHint')}
            error={errorFor(errors, 'workweekStart')}
          >
            <select
              className="usa-select"
              value={workweekStart}
              onChange={(e) => setWorkweekStart(e.currentTarget.value as typeof workweekStart)}
            >
              <option value="">{t('backWages.compute.asRecorded')}</option>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`weekdays.${d}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      <Check
        id={`${uid}-willful`}
        label={t('backWages.compute.willful')}
        hint={t('backWages.compute.willfulHint')}
        checked={willful}
        onChange={setWillful}
      />
      {view.recordSets.length > 1 && (
        <fieldset
          className={`usa-fieldset margin-top-2${errorFor(errors, 'recordSetIds') ? ' usa-form-group usa-form-group--error' : ''}`}
        >
          <legend className="usa-legend">{t('backWages.compute.recordSets')}</legend>
          {errorFor(errors, 'recordSetIds') && (
            <span className="usa-error-message" role="alert">
              {errorFor(errors, 'recordSetIds')}
            </span>
          )}
          {view.recordSets.map((s) => (
            <Check
              key={s.recordSetId}
              id={`${uid}-${s.recordSetId}`}
              label={t('backWages.compute.recordSet', {
                source: t(`hours.source.${s.source as 'employer_payroll'}`),
                id: shortId(s.recordSetId),
              })}
              hint={t('backWages.compute.recordSetSize', {
                workers: f.number(s.workers),
                records: f.number(s.records),
              })}
              checked={recordSetIds.includes(s.recordSetId)}
              onChange={(on) => setRecordSetIds(toggle(recordSetIds, s.recordSetId, on))}
            />
          ))}
        </fieldset>
      )}
      <div className="margin-top-3">
        {/* Not before the laws are listed: a click then would send no rule set at all. */}
        <button type="submit" className="usa-button" disabled={compute.isPending || !ruleSets}>
          {compute.isPending ? t('backWages.compute.running') : t('backWages.compute.submit')}
        </button>
        {onCancel && (
          <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
