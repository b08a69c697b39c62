import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, idempotencyKey, ok } from '../../api/client';
import { ApiError, isApiError } from '../../api/problem';
import { useMay } from '../../auth/may';
import { NoAccess } from '../../app/NoAccess';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { AllegationFields } from '../complaints/AllegationFields';
import { ALLEGATION_TYPES } from '../complaints/complaint-types';
import { emptyAllegation, type AllegationDraft } from '../complaints/intake-draft';
import { ReferralEmployerFields } from './ReferralEmployerFields';
import {
  emptyReferral,
  emptyWorker,
  toSubmitBody,
  type ReferralDraft,
  type SubmitReferralBody,
  type WorkerDraft,
} from './referral-draft';
import { WorkerFields } from './WorkerFields';

const SUBMIT = 'POST /api/v1/referrals';

/**
 * A partner refers a case: the workers (each with their own consent to what the agency may tell
 * the organization), the employer and what happened. The server's field errors appear beside
 * their fields and the summary names them; nothing typed is lost. On success, the referral's page.
 */
export function NewReferralPage() {
  const { t } = useTranslation();
  const maySubmit = useMay(SUBMIT);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ReferralDraft>(emptyReferral);
  const [clientError, setClientError] = useState<ApiError | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const submitReferral = useMutation({
    mutationFn: async (body: SubmitReferralBody) =>
      ok(
        await api.POST('/api/v1/referrals', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
        }),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['referrals'] });
      await navigate(`/referrals/${result.id}`);
    },
  });
  const error: unknown = clientError ?? submitReferral.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors() : {};
  const err = (path: string): string | undefined => fieldErrors[path];
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);

  // The event's value is read at once: React reuses the event before a state updater runs.
  const set = (patch: Partial<ReferralDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setWorker = (index: number, patch: Partial<WorkerDraft>) =>
    setDraft((d) => ({ ...d, workers: d.workers.map((w, i) => (i === index ? { ...w, ...patch } : w)) }));
  const setAllegation = (index: number, patch: Partial<AllegationDraft>) =>
    setDraft((d) => ({
      ...d,
      allegations: d.allegations.map((a, i) => (i === index ? { ...a, ...patch } : a)),
    }));
  // Removing shifts the indexes the server's errors name: those errors no longer point anywhere.
  const forgetErrors = () => {
    setClientError(null);
    submitReferral.reset();
  };
  const fieldLabel = (path: string): string | undefined => {
    const m = /^(workers|allegations)\.(\d+)\./.exec(path);
    if (!m) return undefined;
    const n = Number(m[2]) + 1;
    return m[1] === 'workers' ? t('portal.form.worker.legend', { n }) : t('intake.allegation.legend', { n });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { body, errors } = toSubmitBody(draft, {
      wholeNumber: t('intake.errors.wholeNumber'),
      amount: t('intake.errors.amount'),
    });
    if (errors.length > 0) {
      submitReferral.reset();
      setClientError(new ApiError(400, { title: t('errors.rejected.heading'), errors }, SUBMIT));
      return;
    }
    setClientError(null);
    submitReferral.mutate(body);
  };

  if (!maySubmit) return <NoAccess />;
  return (
    <>
      <PageTitle subtitle={t('portal.form.subtitle')}>{t('portal.form.title')}</PageTitle>
      <div ref={summary} tabIndex={-1} className="workbench-focus-target">
        <ErrorAlert error={error} fieldLabel={fieldLabel} />
      </div>
      <form
        noValidate
        onSubmit={submit}
        aria-label={t('portal.form.title')}
        className="workbench-intake-form"
      >
        <fieldset className="usa-fieldset">
          <legend className="usa-legend font-sans-lg text-bold">{t('portal.form.where.legend')}</legend>
          <div className="grid-row grid-gap-2">
            <div className="tablet:grid-col-4">
              <Field
                label={t('portal.form.where.office')}
                hint={t('portal.form.where.officeHint')}
                error={err('office')}
                required
              >
                <input
                  className="usa-input"
                  value={draft.office}
                  autoComplete="off"
                  onChange={(e) => set({ office: e.currentTarget.value })}
                />
              </Field>
            </div>
            <div className="tablet:grid-col-8">
              <Field
                label={t('portal.form.where.agreement')}
                hint={t('portal.form.where.agreementHint')}
                error={err('agreementId')}
              >
                <input
                  className="usa-input"
                  value={draft.agreementId}
                  autoComplete="off"
                  onChange={(e) => set({ agreementId: e.currentTarget.value })}
                />
              </Field>
            </div>
          </div>
        </fieldset>

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend font-sans-lg text-bold">{t('portal.form.workers.legend')}</legend>
          <p className="usa-hint">{t('portal.form.workers.hint')}</p>
          {draft.workers.map((w, i) => (
            <WorkerFields
              key={w.key}
              index={i}
              value={w}
              onChange={(patch) => setWorker(i, patch)}
              onRemove={
                draft.workers.length > 1
                  ? () => {
                      forgetErrors();
                      setDraft((d) => ({ ...d, workers: d.workers.filter((_, j) => j !== i) }));
                    }
                  : undefined
              }
              error={(field) => err(`workers.${i}.${field}`)}
            />
          ))}
          <button
            type="button"
            className="usa-button usa-button--outline margin-top-2"
            onClick={() => setDraft((d) => ({ ...d, workers: [...d.workers, emptyWorker()] }))}
          >
            {t('portal.form.workers.add')}
          </button>
        </fieldset>

        <ReferralEmployerFields
          value={draft.employer}
          onChange={(patch) => setDraft((d) => ({ ...d, employer: { ...d.employer, ...patch } }))}
          error={(path) => err(`employer.${path}`)}
        />

        <fieldset className="usa-fieldset margin-top-4">
          <legend className="usa-legend font-sans-lg text-bold">{t('intake.allegations.legend')}</legend>
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
            onClick={() => setDraft((d) => ({ ...d, allegations: [...d.allegations, emptyAllegation()] }))}
          >
            {t('intake.allegations.add')}
          </button>
        </fieldset>

        <button type="submit" className="usa-button margin-top-4" disabled={submitReferral.isPending}>
          {submitReferral.isPending ? t('portal.form.submitting') : t('portal.form.submit')}
        </button>
      </form>
    </>
  );
}
