import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { foiaRequestKey, OPERATIONS, type FoiaRequestItem, type FoiaRequestView } from './foia-api';

const CIRCUMSTANCES = ['field_facilities', 'voluminous_records', 'consultation', 'data_compilation'] as const;
const TOLLING_REASONS = ['awaiting_clarification', 'awaiting_fee_payment'] as const;
type ClockPath = 'extension' | 'tolling' | 'resumption';

/** Days left as words, in the rule's days (business or calendar); overdue as days past. */
export function DaysLeft({
  clock,
}: {
  clock: Pick<FoiaRequestItem, 'daysLeft' | 'countedIn' | 'overdue' | 'tolled'>;
}) {
  const { t } = useTranslation();
  if (clock.daysLeft === undefined)
    return <span className="text-base-dark">{t('foia.clock.noDueDate')}</span>;
  const unit = t(`foia.clock.${clock.countedIn}`, { count: Math.abs(clock.daysLeft) });
  if (clock.overdue)
    return (
      <span className="usa-tag bg-secondary-dark" data-testid="overdue">
        {t('foia.clock.overdueBy', { days: unit })}
      </span>
    );
  return <>{t(clock.tolled ? 'foia.clock.keeps' : 'foia.clock.left', { days: unit })}</>;
}

/**
 * The request's clock (issue 22): its due date by the jurisdiction's rule, the days left, and the
 * officer's three moves on it, each at the version the page shows (If-Match): the one extension
 * for unusual circumstances, tolling while the agency waits for the requester (a reason is
 * required), and resuming with the days it had left.
 */
export function FoiaClock({ requestId, view }: { requestId: string; view: FoiaRequestView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const mayAct = useMay(OPERATIONS.toll) && (view.status === 'received' || view.status === 'reprocessing');
  const [circumstance, setCircumstance] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<'circumstance' | 'reason' | null>(null);
  const act = useMutation({
    mutationFn: async ({ path, body }: { path: ClockPath; body: Record<string, string> }) => {
      const post = api.POST as unknown as (
        p: string,
        init: { params: unknown; body: unknown },
      ) => Promise<{ data?: unknown }>;
      return ok(
        await post(`/api/v1/foia-requests/{requestId}/${path}`, {
          params: {
            path: { requestId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(view.version) },
          },
          body,
        }),
      );
    },
    onSuccess: async () => {
      setCircumstance('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: foiaRequestKey(requestId) });
      await queryClient.invalidateQueries({ queryKey: ['foia-requests'] });
    },
  });
  const { clock } = view;
  const submit =
    (path: ClockPath, field: 'circumstance' | 'reason' | null, value: string) => (e: FormEvent) => {
      e.preventDefault();
      setMissing(field && !value ? field : null);
      if (field && !value) return;
      act.mutate({ path, body: field ? { [field]: value } : {} });
    };
  return (
    <section aria-labelledby="clock-heading">
      <h2 id="clock-heading">{t('foia.clock.title')}</h2>
      <dl className="workbench-facts">
        <dt>{t('foia.clock.dueOn')}</dt>
        <dd data-testid="due-on">
          {clock.tolled
            ? t('foia.clock.tolledNoDate')
            : clock.dueOn
              ? f.date(clock.dueOn)
              : t('foia.clock.noDueDate')}
          {/* No statute sets a time for processing again after an appeal: say whose date it is. */}
          {view.reopened && !clock.tolled && (
            <span className="display-block text-base-dark" data-testid="due-on-policy">
              {t('foia.clock.reprocessingPolicy', { source: view.reopened.source })}
            </span>
          )}
        </dd>
        <dt>{t('foia.clock.daysLeft')}</dt>
        <dd>
          <DaysLeft clock={clock} />
        </dd>
        {clock.tolling && (
          <>
            <dt>{t('foia.clock.tolledSince')}</dt>
            <dd>
              {t('foia.clock.tolledBecause', {
                date: f.date(clock.tolling.tolledOn),
                reason: t(`foia.clock.reasons.${clock.tolling.reason}`),
              })}
            </dd>
          </>
        )}
        <dt>{t('foia.clock.extension')}</dt>
        <dd>{t(clock.extended ? 'foia.clock.extended' : 'foia.clock.notExtended')}</dd>
      </dl>
      {mayAct && (
        <>
          <ErrorAlert error={act.error} />
          {clock.tolled ? (
            <form onSubmit={submit('resumption', null, '')} aria-label={t('foia.clock.resume')}>
              <button type="submit" className="usa-button" disabled={act.isPending}>
                {t('foia.clock.resume')}
              </button>
            </form>
          ) : (
            <>
              <form
                className="usa-form"
                noValidate
                onSubmit={submit('tolling', 'reason', reason)}
                aria-label={t('foia.clock.toll')}
              >
                <label className="usa-label" htmlFor="toll-reason">
                  {t('foia.clock.reason')}
                </label>
                {missing === 'reason' && (
                  <span className="usa-error-message">{t('foia.clock.reasonRequired')}</span>
                )}
                <select
                  className="usa-select"
                  id="toll-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                >
                  <option value="">{t('foia.clock.choose')}</option>
                  {TOLLING_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`foia.clock.reasons.${r}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="usa-button margin-top-1" disabled={act.isPending}>
                  {t('foia.clock.toll')}
                </button>
              </form>
              {!clock.extended && (
                <form
                  className="usa-form"
                  noValidate
                  onSubmit={submit('extension', 'circumstance', circumstance)}
                  aria-label={t('foia.clock.extend')}
                >
                  <label className="usa-label" htmlFor="extension-circumstance">
                    {t('foia.clock.circumstance')}
                  </label>
                  {missing === 'circumstance' && (
                    <span className="usa-error-message">{t('foia.clock.circumstanceRequired')}</span>
                  )}
                  <select
                    className="usa-select"
                    id="extension-circumstance"
                    value={circumstance}
                    onChange={(e) => setCircumstance(e.target.value)}
                  >
                    <option value="">{t('foia.clock.choose')}</option>
                    {CIRCUMSTANCES.map((c) => (
                      <option key={c} value={c}>
                        {t(`foia.clock.circumstances.${c}`)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="usa-button margin-top-1" disabled={act.isPending}>
                    {t('foia.clock.extend')}
                  </button>
                </form>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
