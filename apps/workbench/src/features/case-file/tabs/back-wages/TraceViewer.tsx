import { useEffect, useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../../api/client';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Pager } from '../../../../ui/ServerTable';
import { useCursorPages } from '../../../../ui/use-cursor-pages';
import type { Amounts } from '../../investigation-parts';
import { AmountsStrip } from './AmountsStrip';
import type { RuleSetCatalog } from './rule-sets';
import { firstWeekOf, WorkerTrace, type TracePage } from './WorkerTrace';

/** Workweeks per page: each is about ten steps per law applied, so a page stays readable. */
export const TRACE_PAGE_WEEKS = 5;

/**
 * The explanation of every figure of a computation, worker by worker and workweek by workweek,
 * paged on the server: for each workweek the rule set applied, its regular rate, hours and
 * amount, then each step with its rule, the rule's citation, the rate and hours it used, and the
 * formula with the figures filled in. The formulas are the server's words (English), the same
 * text its digest covers.
 */
export function TraceViewer({
  caseId,
  computationId,
  ruleSets,
}: {
  caseId: string;
  computationId: string;
  ruleSets: RuleSetCatalog | undefined;
}) {
  const { t } = useTranslation();
  const { cursor, pager } = useCursorPages(computationId);
  const query = useQuery({
    queryKey: ['back-wage-trace', caseId, computationId, cursor],
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/cases/{caseId}/investigation/back-wage-computations/{computationId}/trace', {
          params: { path: { caseId, computationId }, query: { cursor, limit: TRACE_PAGE_WEEKS } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const page: TracePage | undefined = query.data;
  // After next or previous, the new page is read from its top (and a screen reader hears where).
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(cursor);
  useEffect(() => {
    if (shown.current === cursor) return;
    shown.current = cursor;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [cursor]);
  const paging = pager(page?.nextCursor);

  return (
    <section
      aria-labelledby="trace-heading"
      className="margin-top-4"
      aria-busy={query.isFetching || undefined}
    >
      <h3 id="trace-heading" ref={heading} tabIndex={-1}>
        {t('backWages.trace.heading')}
      </h3>
      <ErrorAlert error={query.error} />
      {!page && query.isPending && <p role="status">{t('common.loading')}</p>}
      {page && (
        <>
          <p className="margin-top-0">
            {page.verified && (
              <>
                <span className="usa-tag bg-green">{t('backWages.trace.verified')}</span>{' '}
              </>
            )}
            {t('backWages.trace.ruleSets', {
              ruleSets: page.ruleSets.map((r) => `${r.id} ${r.version}`).join(', '),
            })}
          </p>
          <AmountsStrip
            amounts={page.totals as unknown as Amounts}
            totalLabel={t('backWages.amounts.caseTotal')}
          />
          <p className="font-body-2xs text-base-dark measure-6" lang="en">
            {page.rounding}
          </p>
          {page.workers.length === 0 && <p>{t('backWages.trace.noWorkers')}</p>}
          {page.workers.map((worker) => (
            <WorkerTrace
              key={`${worker.workerId}-${firstWeekOf(worker) ?? 'x'}`}
              worker={worker}
              ruleSets={ruleSets}
            />
          ))}
          {(paging.hasNext || paging.hasPrevious) && <Pager page={paging} />}
        </>
      )}
    </section>
  );
}
