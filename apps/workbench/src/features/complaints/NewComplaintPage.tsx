import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, idempotencyKey, ok } from '../../api/client';
import { ApiError, isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { ComplainantFields } from './ComplainantFields';
import { AllegationFields } from './AllegationFields';
import { ALLEGATION_TYPES, type ReceiveComplaintBody } from './complaint-types';
import { EmployerFields } from './EmployerFields';
import { Field } from '../../ui/Field';
import {
  emptyAllegation,
  emptyComplainant,
  emptyDraft,
  toReceiveBody,
  type AllegationDraft,
  type ComplainantDraft,
  type IntakeDraft,
} from './intake-draft';
import { useFieldLabel } from './field-labels';
import { SourceFields } from './SourceFields';

const RECEIVE = 'POST /api/v1/complaints';

/**
 * Receiving a complaint: how it came in, who complained (as many as came), the employer (with
 * what the employer index already knows about it, while it is typed) and the allegations. The
 * server's field errors appear beside their fields; everything typed stays after an error.
 */
export function NewComplaintPage() {
  const { t } = useTranslation();
  const mayReceive = useMay(RECEIVE);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<IntakeDraft>(emptyDraft);
  const [clientError, setClientError] = useState<ApiError | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const fieldLabel = useFieldLabel();

  const receive = useMutation({
    mutationFn: async (body: ReceiveComplaintBody) =>
      ok(
        await api.POST('/api/v1/complaints', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['complaints'] });
      await navigate(`/complaints/${result.caseId}`);
    },
  });
  const error: unknown = clientError ?? receive.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors() : {};
  const err = (path: string): string | undefined => fieldErrors[path];

  // The summary of what to fix takes focus, so it is read out and seen before the fields.
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);

  const set = (patch: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setEmployer = (patch: Partial<IntakeDraft['employer']>) =>
    setDraft((d) => ({ ...d, employer: { ...d.employer, ...patch } }));
  const setComplainant = (index: number, patch: Partial<ComplainantDraft>) =>
    setDraft((d) => ({
      ...d,
      complainants: d.complainants.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    }));
  const setAllegation = (index: number, patch: Partial<AllegationDraft>) =>
    setDraft((d) => ({
      ...d,
      allegations: d.allegations.map((a, i) => (i === index ? { ...a, ...patch } : a)),
    }));
  // Removing shifts the indexes the server's errors name: those errors no longer point anywhere.
  const forgetErrors = () => {
    setClientError(null);
    receive.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { body, errors } = toReceiveBody(draft, {
      wholeNumber: t('intake.errors.wholeNumber'),
      amount: t('intake.errors.amount'),
    });
    if (errors.length > 0) {
      receive.reset();
      setClientError(new ApiError(400, { title: t('errors.rejected.heading'), errors }, RECEIVE));
      return;
    }
    setClientError(null);
    receive.mutate(body);
  };

  if (!mayReceive) {
    return (
      <>
        <PageTitle>{t('intake.title')}</PageTitle>
        <ErrorAlert error={new ApiError(403, {}, RECEIVE)} />
      </>
    );
  }

  return (
    <>
      <PageTitle subtitle={t('intake.subtitle')}>{t('intake.title')}</PageTitle>
      <div ref={summary} tabIndex={-1} className="workbench-focus-target">
        <ErrorAlert error={error} fieldLabel={fieldLabel} />
      </div>
      <form noValidate onSubmit={submit} aria-label={t('intake.title')} className="workbench-intake-form">
        <SourceFields draft={draft} set={set} err={err} />

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend font-sans-lg text-bold">{t('intake.complainants.legend')}</legend>
          <p className="usa-hint">{t('intake.complainants.hint')}</p>
          {err('complainants') && (
            <span className="usa-error-message" role="alert">
              {err('complainants')}
            </span>
          )}
          {draft.complainants.length === 0 && <p>{t('intake.complainants.none')}</p>}
          {draft.complainants.map((c, i) => (
            <ComplainantFields
              key={c.key}
              index={i}
              value={c}
              onChange={(patch) => setComplainant(i, patch)}
              onRemove={() => {
                forgetErrors();
                setDraft((d) => ({ ...d, complainants: d.complainants.filter((_, j) => j !== i) }));
              }}
              error={(field) => err(`complainants.${i}.${field}`)}
            />
          ))}
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-2"
            onClick={() => set({ complainants: [...draft.complainants, emptyComplainant()] })}
          >
            {t('intake.complainants.add')}
          </button>
        </fieldset>

        <EmployerFields employer={draft.employer} setEmployer={setEmployer} err={err} />

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend font-sans-lg text-bold">{t('intake.allegations.legend')}</legend>
          <p className="usa-hint">{t('intake.allegations.hint')}</p>
          {err('allegations') && (
            <span className="usa-error-message" role="alert">
              {err('allegations')}
            </span>
          )}
          {draft.allegations.map((a, i) => (
            <AllegationFields
              key={a.key}
              index={i}
              value={a}
              types={ALLEGATION_TYPES}
              onChange={(patch) => setAllegation(i, patch)}
              onRemove={
                draft.allegations.length > 1
                  ? () => {
                      forgetErrors();
                      setDraft((d) => ({ ...d, allegations: d.allegations.filter((_, j) => j !== i) }));
                    }
                  : undefined
              }
              error={(field) => err(`allegations.${i}.${field}`)}
            />
          ))}
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-2"
            onClick={() => set({ allegations: [...draft.allegations, emptyAllegation()] })}
          >
            {t('intake.allegations.add')}
          </button>
        </fieldset>

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend font-sans-lg text-bold">{t('intake.notes.legend')}</legend>
          <Field label={t('intake.notes.label')} hint={t('intake.notes.hint')} error={err('intakeNotes')}>
            <textarea
              className="usa-textarea"
              value={draft.intakeNotes}
              onChange={(e) => set({ intakeNotes: e.currentTarget.value })}
            />
          </Field>
        </fieldset>

        <button type="submit" className="usa-button margin-top-4" disabled={receive.isPending}>
          {receive.isPending ? t('intake.submitting') : t('intake.submit')}
        </button>
      </form>
    </>
  );
}
