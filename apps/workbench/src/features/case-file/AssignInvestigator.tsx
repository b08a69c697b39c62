import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { isApiError } from '../../api/problem';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import type { InvestigationView } from './case-file-tab';

/**
 * A supervisor assigns (or reassigns) the investigator: POST .../investigation/assignment with the
 * If-Match of the investigation the page shows. Investigators with open cases are offered as
 * suggestions (from the workload list); any staff id may be typed.
 */
export function AssignInvestigator({
  caseId,
  investigation,
  onDone,
}: {
  caseId: string;
  investigation: InvestigationView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const listId = useId();
  const [open, setOpen] = useState(!investigation.investigatorId);
  const [investigatorId, setInvestigatorId] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const workload = useQuery({
    queryKey: ['workload', 'suggestions'],
    queryFn: async () =>
      ok(await api.GET('/api/v1/investigations/workload', { params: { query: { limit: 100 } } })),
    enabled: open,
    staleTime: 60_000,
  });
  const assign = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/investigation/assignment', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(investigation.version) },
          },
          body: {
            investigatorId: investigatorId.trim(),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setDone(investigatorId.trim());
      setOpen(false);
      setInvestigatorId('');
      setReason('');
      onDone();
      void queryClient.invalidateQueries({ queryKey: ['investigations'] });
      void queryClient.invalidateQueries({ queryKey: ['workload'] });
    },
  });
  const errors = isApiError(assign.error) ? assign.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate();
  };

  if (!open)
    return (
      <div className="margin-top-2">
        {done && (
          <Alert kind="success" slim>
            {t('caseFile.assign.done', { id: done })}
          </Alert>
        )}
        <button
          type="button"
          className="usa-button usa-button--outline"
          onClick={() => {
            setDone(null);
            assign.reset();
            setOpen(true);
          }}
        >
          {investigation.investigatorId ? t('caseFile.assign.reassign') : t('caseFile.assign.assign')}
        </button>
      </div>
    );

  return (
    <form
      className="usa-form usa-form--large margin-top-2 border-1px border-base-lighter padding-2 radius-md"
      onSubmit={submit}
      aria-labelledby={`${listId}-heading`}
    >
      <h2 id={`${listId}-heading`} className="margin-top-0">
        {investigation.investigatorId ? t('caseFile.assign.reassignHeading') : t('caseFile.assign.heading')}
      </h2>
      <ErrorAlert
        error={assign.error}
        onReload={() => {
          assign.reset();
          onDone();
        }}
      />
      <Field
        label={t('caseFile.assign.investigator')}
        hint={t('caseFile.assign.investigatorHint')}
        error={errors.investigatorId}
        required
      >
        <input
          className="usa-input"
          name="investigatorId"
          list={`${listId}-suggestions`}
          autoComplete="off"
          value={investigatorId}
          onChange={(e) => setInvestigatorId(e.target.value)}
        />
      </Field>
      <datalist id={`${listId}-suggestions`}>
        {(workload.data?.items ?? []).map((w) => (
          <option key={w.investigatorId} value={w.investigatorId}>
            {t('caseFile.assign.suggestion', { count: w.openInvestigations })}
          </option>
        ))}
      </datalist>
      <Field label={t('caseFile.assign.reason')} hint={t('caseFile.assign.reasonHint')} error={errors.reason}>
        <textarea
          className="usa-textarea"
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <div className="margin-top-2">
        <button type="submit" className="usa-button" disabled={assign.isPending}>
          {assign.isPending ? t('caseFile.saving') : t('caseFile.assign.submit')}
        </button>
        {investigation.investigatorId && (
          <button type="button" className="usa-button usa-button--unstyled" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
