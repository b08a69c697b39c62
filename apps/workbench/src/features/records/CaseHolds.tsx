import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, idempotencyKey, ifMatch, ok } from '../../api/client';
import { useMay } from '../../auth/may';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DUE, OPERATIONS } from './records-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const holdsKey = (caseId: string) => ['legal-holds', caseId] as const;

/**
 * A case's legal holds (the case id in the URL, `?caseId=`): those in effect and lifted, placing
 * one (matter, reason, who ordered it) and lifting one with the reason.
 */
export function CaseHolds() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('caseId') ?? '';
  const caseId = UUID.test(raw) ? raw.toLowerCase() : undefined;
  const look = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = new FormData(e.currentTarget).get('caseId');
    setParams(typeof value === 'string' && value.trim() ? { caseId: value.trim() } : {});
  };
  return (
    <section aria-labelledby="holds-heading" className="margin-top-5">
      <h2 id="holds-heading">{t('records.holds.heading')}</h2>
      <form className="workbench-table-tools" onSubmit={look} aria-label={t('records.holds.find')}>
        <Field
          label={t('records.holds.caseId')}
          hint={t('records.holds.caseIdHint')}
          error={raw && !caseId ? t('records.holds.caseIdInvalid') : undefined}
        >
          <input className="usa-input workbench-mono" name="caseId" defaultValue={raw} key={raw} />
        </Field>
        <button type="submit" className="usa-button">
          {t('records.holds.show')}
        </button>
      </form>
      {caseId && <HoldsOfCase caseId={caseId} />}
    </section>
  );
}

function HoldsOfCase({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const mayPlace = useMay(OPERATIONS.place);
  const holds = useQuery({
    queryKey: holdsKey(caseId),
    queryFn: async () =>
      ok(await api.GET('/api/v1/cases/{caseId}/legal-holds', { params: { path: { caseId } } })),
    retry: false,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: holdsKey(caseId) });
    await queryClient.invalidateQueries({ queryKey: DUE });
  };
  const place = useMutation({
    mutationFn: async (body: { matterId: string; reason: string; orderedBy: string }) =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/legal-holds', {
          params: {
            path: { caseId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(holds.data?.version ?? 0) },
          },
          body,
        }),
      ),
    onSuccess: refresh,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    place.mutate({ matterId: text('matterId'), reason: text('reason'), orderedBy: text('orderedBy') });
  };
  const view = holds.data;

  return (
    <>
      <ErrorAlert error={holds.error} onReload={() => void holds.refetch()} />
      {view && (
        <>
          <Alert kind={view.held ? 'warning' : 'info'} slim>
            {view.held ? t('records.holds.held') : t('records.holds.notHeld')}
          </Alert>
          {view.holds.length > 0 && (
            <ul className="usa-list usa-list--unstyled">
              {view.holds.map((h) => (
                <li key={h.holdId} className="margin-bottom-2">
                  <strong>{h.matterId}</strong>{' '}
                  <span className={h.status === 'held' ? 'usa-tag bg-secondary-dark' : 'usa-tag'}>
                    {t(`records.holds.status.${h.status}`)}
                  </span>
                  <span className="display-block">
                    {t('records.holds.placed', {
                      who: h.orderedBy,
                      date: f.dateTime(h.placedAt),
                      reason: h.reason,
                    })}
                  </span>
                  {h.lifted && (
                    <span className="display-block">
                      {t('records.holds.liftedOn', {
                        date: f.dateTime(h.lifted.liftedAt),
                        reason: h.lifted.reason,
                      })}
                    </span>
                  )}
                  {h.status === 'held' && mayPlace && (
                    <LiftForm caseId={caseId} holdId={h.holdId} version={view.version} onLifted={refresh} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {view && mayPlace && (
        <form onSubmit={submit} aria-labelledby="place-heading" className="maxw-tablet">
          <h3 id="place-heading">{t('records.holds.place')}</h3>
          <Field label={t('records.holds.matterId')} hint={t('records.holds.matterIdHint')} required>
            <input className="usa-input" name="matterId" maxLength={200} />
          </Field>
          <Field label={t('records.holds.reason')} required>
            <textarea className="usa-textarea" name="reason" maxLength={2000} />
          </Field>
          <Field label={t('records.holds.orderedBy')} required>
            <input className="usa-input" name="orderedBy" maxLength={200} />
          </Field>
          <ErrorAlert error={place.error} />
          <button type="submit" className="usa-button" disabled={place.isPending}>
            {t('records.holds.placeSubmit')}
          </button>
        </form>
      )}
    </>
  );
}

function LiftForm(props: { caseId: string; holdId: string; version: number; onLifted: () => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const lift = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/api/v1/cases/{caseId}/legal-holds/{holdId}/lift', {
          params: {
            path: { caseId: props.caseId, holdId: props.holdId },
            header: { 'Idempotency-Key': idempotencyKey(), 'If-Match': ifMatch(props.version) },
          },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: props.onLifted,
  });
  return (
    <form
      className="margin-top-1"
      onSubmit={(e) => {
        e.preventDefault();
        lift.mutate();
      }}
    >
      <Field label={t('records.holds.liftReason')} required>
        <input
          className="usa-input"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
        />
      </Field>
      <ErrorAlert error={lift.error} />
      <button type="submit" className="usa-button usa-button--secondary" disabled={lift.isPending}>
        {t('records.holds.lift')}
      </button>
    </form>
  );
}
