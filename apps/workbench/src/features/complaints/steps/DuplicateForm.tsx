import { useId, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import { ApiError } from '../../../api/problem';
import { useFormat } from '../../../i18n/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { possibleDuplicates } from '../EmployerHints';
import { fieldErrorsOf, useComplaintAction } from '../use-complaint-action';
import { ActionError } from './ActionFeedback';
import type { StepProps } from './step-props';

const BY_NUMBER = 'by-number';
type Body = { duplicateOfCaseId: string; reason: string };

/**
 * Link as a duplicate of another open complaint or case (this one closes). The candidates are the
 * open complaints and cases the employer index finds for the same employer; any other open case
 * can be named by its case number.
 */
export function DuplicateForm({ view, reload }: StepProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = useId();
  const { employer } = view.complaint;
  const [picked, setPicked] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [reason, setReason] = useState('');
  const [lookupError, setLookupError] = useState<ApiError | null>(null);

  const query = {
    name: employer.name.trim().length >= 2 ? employer.name.trim() : undefined,
    fein: employer.fein,
  };
  const candidates = useQuery({
    queryKey: ['employers', query],
    queryFn: async () => ok(await api.GET('/api/v1/employers', { params: { query } })),
    enabled: !!(query.name ?? query.fein),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const seen = new Map<
      string,
      { caseId: string; caseNumber: string | null; status: string; receivedAt: string; employer: string }
    >();
    for (const m of candidates.data?.employers ?? []) {
      for (const c of possibleDuplicates(m)) {
        if (c.caseId !== view.caseId && !seen.has(c.caseId))
          seen.set(c.caseId, { ...c, employer: m.names[0] ?? '' });
      }
    }
    return [...seen.values()];
  }, [candidates.data, view.caseId]);

  const action = useComplaintAction(view.caseId, async (caseId, body: Body, header) =>
    ok(
      await api.POST('/api/v1/complaints/{caseId}/duplicate-link', {
        params: { path: { caseId }, header },
        body,
      }),
    ),
  );
  const error = lookupError ?? action.error;
  const errors = fieldErrorsOf(error);

  /** The case a number names (GET /cases?caseNumber=), or a field error saying there is none. */
  const caseIdFor = async (number: string): Promise<string | null> => {
    try {
      const page = ok(
        await api.GET('/api/v1/cases', { params: { query: { caseNumber: number, limit: 1 } } }),
      );
      const found = page.items[0]?.caseId;
      if (!found)
        setLookupError(
          new ApiError(
            400,
            {
              title: t('errors.rejected.heading'),
              errors: [{ path: 'caseNumber', message: t('complaint.decide.duplicate.noSuchCase') }],
            },
            'GET /api/v1/cases',
          ),
        );
      return found ?? null;
    } catch (e) {
      setLookupError(e as ApiError);
      return null;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setLookupError(null);
    let target = picked;
    if (picked === BY_NUMBER) {
      const found = await caseIdFor(caseNumber.trim().toUpperCase());
      if (!found) return;
      target = found;
    }
    action.mutate({ body: { duplicateOfCaseId: target, reason: reason.trim() }, version: view.version });
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label={t('complaint.decide.duplicate.choice')}>
      <fieldset
        className={`usa-fieldset${errors.duplicateOfCaseId ? ' usa-form-group usa-form-group--error' : ''}`}
      >
        <legend className="usa-legend">{t('complaint.decide.duplicate.pick')}</legend>
        {errors.duplicateOfCaseId && <span className="usa-error-message">{errors.duplicateOfCaseId}</span>}
        <ErrorAlert error={candidates.error} />
        {candidates.isFetching && <p role="status">{t('common.loading')}</p>}
        {!candidates.isFetching && options.length === 0 && (
          <p className="usa-hint">{t('complaint.decide.duplicate.noCandidates')}</p>
        )}
        {options.map((c) => (
          <div className="usa-radio" key={c.caseId}>
            <input
              className="usa-radio__input"
              id={`${name}-${c.caseId}`}
              type="radio"
              name={name}
              checked={picked === c.caseId}
              onChange={() => setPicked(c.caseId)}
            />
            <label className="usa-radio__label" htmlFor={`${name}-${c.caseId}`}>
              {c.caseNumber ?? t('intake.hints.notOpened')} · {c.employer}
              <span className="usa-checkbox__label-description">
                {t(`complaintStatus.${c.status}` as 'complaintStatus.received', { defaultValue: c.status })} ·{' '}
                {t('intake.hints.receivedOn', { date: f.date(c.receivedAt) })}
              </span>
            </label>
          </div>
        ))}
        <div className="usa-radio">
          <input
            className="usa-radio__input"
            id={`${name}-number`}
            type="radio"
            name={name}
            checked={picked === BY_NUMBER}
            onChange={() => setPicked(BY_NUMBER)}
          />
          <label className="usa-radio__label" htmlFor={`${name}-number`}>
            {t('complaint.decide.duplicate.byNumber')}
          </label>
        </div>
      </fieldset>
      {picked === BY_NUMBER && (
        <Field
          label={t('complaint.decide.duplicate.caseNumber')}
          hint={t('complaint.decide.duplicate.caseNumberHint')}
          error={errors.caseNumber}
          required
        >
          <input
            className="usa-input usa-input--medium"
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.currentTarget.value)}
          />
        </Field>
      )}
      <Field label={t('complaint.decide.reason')} error={errors.reason} required>
        <textarea
          className="usa-textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
      <ActionError
        action={{
          ...action,
          error,
          reset: () => {
            setLookupError(null);
            action.reset();
          },
        }}
        onReload={reload}
      />
      <button type="submit" className="usa-button margin-top-2" disabled={action.isPending || picked === ''}>
        {t('complaint.decide.duplicate.submit')}
      </button>
    </form>
  );
}
