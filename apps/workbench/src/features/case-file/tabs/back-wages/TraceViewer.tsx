import { useEffect, useRef } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../../api/client';
import type { paths } from '../../../../api/schema';
import { useFormat } from '../../../../i18n/format';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { Pager } from '../../../../ui/ServerTable';
import { useCursorPages } from '../../../../ui/use-cursor-pages';
import { shortId, type Amounts } from '../../investigation-parts';
import { citationOf, type RuleSetCatalog } from './rule-sets';

type TracePage =
  paths['/api/v1/cases/{caseId}/investigation/back-wage-computations/{computationId}/trace']['get']['responses']['200']['content']['application/json'];

/** One step of a workweek's explanation, as @lse/wage-rules writes it (TraceStep). */
interface Step {
  figure: string;
  ruleId: string;
  ruleSetVersion: string;
  rate?: string;
  hours?: number;
  formula: string;
  amount?: number;
}
interface Week {
  weekStart: string;
  ruleSetId: string;
  ruleSetVersion: string;
  regularRate: string;
  hoursWorked: number;
  trace: Step[];
}
interface Excluded {
  weekStart: string;
  accrued: string;
  reason: string;
}
interface WorkerFigures extends Amounts {
  weeks?: Array<Amounts & { weekStart: string }>;
}

/** Workweeks per page: each is about ten steps per law applied, so a page stays readable. */
export const TRACE_PAGE_WEEKS = 5;

const FIGURES = [
  'hoursWorked',
  'overtimeHours',
  'regularRate',
  'minimumWage',
  'minimumWageShortfall',
  'overtimeDue',
  'unpaidWages',
  'liquidatedDamages',
  'total',
  'ruleSetChosen',
  'warning',
] as const;

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
  const f = useFormat();
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
  const figureLabel = (figure: string) =>
    (FIGURES as readonly string[]).includes(figure)
      ? t(`backWages.figure.${figure as (typeof FIGURES)[number]}`)
      : figure;

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
          {page.workers.map((worker) => {
            const figures = worker.figures as WorkerFigures | null;
            const weeks = worker.weeks as unknown as Week[];
            const excluded = worker.excluded as unknown as Excluded[];
            const name =
              typeof worker.name === 'string'
                ? worker.name
                : t('workers.unnamed', { id: shortId(worker.workerId) });
            return (
              <section
                key={`${worker.workerId}-${weeks[0]?.weekStart ?? 'x'}`}
                className="margin-top-3"
                aria-label={name}
              >
                <h4 className="margin-bottom-1 margin-top-0">{name}</h4>
                {figures && (
                  <AmountsStrip amounts={figures} totalLabel={t('backWages.amounts.workerTotal')} />
                )}
                {excluded.length > 0 && (
                  <div className="margin-y-1">
                    <p className="margin-y-05 text-bold">{t('backWages.trace.excluded')}</p>
                    <ul className="usa-list margin-top-0">
                      {excluded.map((e) => (
                        <li key={e.weekStart}>
                          {t('backWages.trace.excludedWeek', { week: f.date(e.weekStart) })}{' '}
                          <span lang="en">{e.reason}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {weeks.length > 0 && (
                  <div
                    className="usa-table-container--scrollable"
                    tabIndex={0}
                    role="region"
                    aria-label={t('backWages.trace.caption', { name })}
                  >
                    <table className="usa-table usa-table--compact width-full workbench-trace">
                      <caption className="usa-sr-only">{t('backWages.trace.caption', { name })}</caption>
                      <colgroup>
                        <col className="workbench-trace__col-figure" />
                        <col className="workbench-trace__col-rule" />
                        <col className="workbench-trace__col-rate" />
                        <col className="workbench-trace__col-hours" />
                        <col />
                        <col className="workbench-trace__col-amount" />
                      </colgroup>
                      <thead>
                        <tr>
                          <th scope="col">{t('backWages.trace.columns.figure')}</th>
                          <th scope="col">{t('backWages.trace.columns.rule')}</th>
                          <th scope="col" className="workbench-numeric">
                            {t('backWages.trace.columns.rate')}
                          </th>
                          <th scope="col" className="workbench-numeric">
                            {t('backWages.trace.columns.hours')}
                          </th>
                          <th scope="col">{t('backWages.trace.columns.formula')}</th>
                          <th scope="col" className="workbench-numeric">
                            {t('backWages.trace.columns.amount')}
                          </th>
                        </tr>
                      </thead>
                      {weeks.map((week) => {
                        const owed = figures?.weeks?.find((w) => w.weekStart === week.weekStart);
                        return (
                          <tbody key={week.weekStart}>
                            <tr className="workbench-trace__week">
                              <th scope="rowgroup" colSpan={6}>
                                {t('backWages.trace.week', {
                                  week: f.date(week.weekStart),
                                  ruleSet: `${week.ruleSetId} ${week.ruleSetVersion}`,
                                  rate: f.rate(week.regularRate),
                                  hours: f.number(week.hoursWorked, 2),
                                })}
                                {owed && (
                                  <>
                                    {' '}
                                    · {t('backWages.trace.weekOwed', { amount: f.money(owed.totalCents) })}
                                  </>
                                )}
                              </th>
                            </tr>
                            {week.trace.map((step, i) => (
                              <tr
                                key={i}
                                className={step.figure === 'warning' ? 'workbench-row-error' : undefined}
                              >
                                <td>{figureLabel(step.figure)}</td>
                                <td>
                                  <RuleCell
                                    ruleId={step.ruleId}
                                    citation={citationOf(
                                      ruleSets,
                                      step.ruleId,
                                      step.ruleSetVersion,
                                      week.weekStart,
                                    )}
                                  />
                                </td>
                                <td className="workbench-numeric">
                                  {step.rate !== undefined ? f.rate(step.rate) : '—'}
                                </td>
                                <td className="workbench-numeric">
                                  {step.hours !== undefined ? f.number(step.hours, 2) : '—'}
                                </td>
                                <td lang="en" className="workbench-trace__formula">
                                  {step.formula}
                                </td>
                                <td className="workbench-numeric">
                                  {step.amount !== undefined ? f.money(step.amount) : '—'}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        );
                      })}
                    </table>
                  </div>
                )}
              </section>
            );
          })}
          {(paging.hasNext || paging.hasPrevious) && <Pager page={paging} />}
        </>
      )}
    </section>
  );
}

/** The rule a step applied and, under it, the rule's citation where its rule set states one. */
function RuleCell({ ruleId, citation }: { ruleId: string; citation: string | null }) {
  return (
    <>
      <span className="workbench-mono">{ruleId}</span>
      {citation && (
        <>
          <span className="usa-sr-only">, </span>
          <span className="display-block text-base-dark">{citation}</span>
        </>
      )}
    </>
  );
}

/** A computation's or a worker's amounts, in integer cents. */
export function AmountsStrip({ amounts, totalLabel }: { amounts: Amounts; totalLabel: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = [
    [t('backWages.amounts.minimumWage'), amounts.minimumWageCents],
    [t('backWages.amounts.overtime'), amounts.overtimeCents],
    [t('backWages.amounts.unpaidWages'), amounts.unpaidWagesCents],
    [t('backWages.amounts.liquidatedDamages'), amounts.liquidatedDamagesCents],
    [totalLabel, amounts.totalCents],
  ] as const;
  return (
    <dl className="workbench-summary-strip margin-y-1">
      {items.map(([label, cents]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{f.money(cents)}</dd>
        </div>
      ))}
    </dl>
  );
}
