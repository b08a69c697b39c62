import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { NoAccess, NotFound } from '../../app/NoAccess';
import { may } from '../../auth/may';
import { useSession } from '../../auth/session';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { AuditCaseHeader, caseNumberOf } from './AuditCaseHeader';
import { READ_STATE, UUID } from './audit-routes';
import { useCaseHistory, useCaseState, type CaseState } from './audit-api';
import { EventsSince } from './EventsSince';
import { eventsAfter, parseInstant, stopIndexAt, stopsOf } from './instants';
import { AsOfSummary } from './AsOfSummary';
import { countChanges, diffCase } from './state-diff';
import { StateDiffTable } from './StateDiffTable';
import { TimeControl } from './TimeControl';

/**
 * Reads of the case's records (the `access` stream) change nothing in it: they are left out of
 * the time control and the comparison (every replay is itself a read, so they would soon
 * outnumber the case's events) and listed on the history screen instead.
 */
const READS = 'access';
const recordsOf = (state: CaseState) => state.streams.filter((s) => s.category !== READS);

/** /audit/cases/:caseId/as-of?at=<ISO instant>&all=1: the case as it was at any instant. */
export function AsOfPage() {
  const { caseId = '' } = useParams();
  const role = useSession()?.actor.role;
  if (!may(role, READ_STATE)) return <NoAccess />;
  if (!UUID.test(caseId)) return <NotFound />;
  return <AsOf caseId={caseId} />;
}

function AsOf({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const history = useCaseHistory(caseId);
  const now = useCaseState(caseId, undefined);
  const changes = useMemo(() => (history.data ?? []).filter((e) => e.category !== READS), [history.data]);
  const stops = useMemo(() => stopsOf(changes), [changes]);
  // Without an instant in the URL: the latest event, the case as it is now.
  const at = parseInstant(params.get('at')) ?? stops[stops.length - 1]?.at;
  const showUnchanged = params.get('all') === '1';
  const index = at ? stopIndexAt(stops, at) : -1;
  // One replay per instant the control settles on, not one per step while it moves.
  const settledAt = useDebouncedValue(at, 200);
  const beforeFirst = !!settledAt && stopIndexAt(stops, settledAt) < 0;
  const then = useCaseState(caseId, settledAt, !!settledAt && stops.length > 0 && !beforeFirst);
  // While the next instant replays, the last one stays on screen (marked as updating): the
  // page does not jump. Everything below is of the instant the server answered for.
  const thenData = then.data;
  const shownAt = thenData?.asOf;
  const diff = useMemo(
    () => (thenData && now.data ? diffCase(recordsOf(thenData), recordsOf(now.data)) : []),
    [thenData, now.data],
  );
  const since = useMemo(() => (shownAt ? eventsAfter(changes, shownAt) : []), [changes, shownAt]);

  const move = (next: string) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        q.set('at', next);
        return q;
      },
      { replace: true },
    );
  const toggleUnchanged = (on: boolean) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (on) q.set('all', '1');
        else q.delete('all');
        return q;
      },
      { replace: true },
    );

  // The title names the case once its state is read: shown only then, so that the page does
  // not retitle itself (and move focus to the new title) while the auditor works the controls.
  if (now.isLoading) return <p role="status">{t('audit.loading')}</p>;
  return (
    <>
      <AuditCaseHeader caseId={caseId} caseNumber={caseNumberOf(now.data)} screen="asOf" />
      <ErrorAlert error={history.error ?? now.error} />
      {history.isPending && <p role="status">{t('audit.loading')}</p>}
      {history.data && stops.length === 0 && <Alert kind="info">{t('audit.asOf.noEvents')}</Alert>}
      {at && stops.length > 0 && (
        <div className="grid-row grid-gap-4">
          {/* The control stays in view (sticky) while the auditor reads the case beside it. */}
          <div className="desktop:grid-col-4">
            <TimeControl stops={stops} at={at} onChange={move} />
          </div>
          <div className="desktop:grid-col-8">
            {index < 0 ? (
              <Alert kind="info" heading={t('audit.asOf.beforeFirst.heading')}>
                {t('audit.asOf.beforeFirst.body')}
              </Alert>
            ) : (
              <>
                <ErrorAlert error={then.error} />
                <p role="status" className="usa-sr-only">
                  {then.isFetching ? t('audit.loading') : ''}
                </p>
                {thenData && now.data && (
                  <>
                    <AsOfSummary
                      at={thenData.asOf}
                      state={thenData}
                      records={recordsOf(thenData)}
                      since={since.length}
                      counts={countChanges(diff)}
                      stale={then.isPlaceholderData || then.isFetching}
                    />
                    <section aria-labelledby="then-heading" className="margin-top-4">
                      <h2 id="then-heading">{t('audit.asOf.then.heading')}</h2>
                      <p className="measure-5">{t('audit.asOf.then.explain')}</p>
                      <Checkbox
                        label={t('audit.asOf.then.showUnchanged')}
                        checked={showUnchanged}
                        onChange={toggleUnchanged}
                      />
                      {diff.map((stream) => (
                        <StateDiffTable key={stream.streamId} stream={stream} showUnchanged={showUnchanged} />
                      ))}
                    </section>
                    <section aria-labelledby="since-heading" className="margin-top-4">
                      <h2 id="since-heading">{t('audit.asOf.since.heading', { count: since.length })}</h2>
                      <EventsSince events={since} />
                    </section>
                  </>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </>
  );
}
