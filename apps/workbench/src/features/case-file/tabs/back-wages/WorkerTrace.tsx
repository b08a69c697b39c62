import { useTranslation } from 'react-i18next';
import type { paths } from '../../../../api/schema';
import { useFormat } from '../../../../i18n/format';
import { shortId, type Amounts } from '../../investigation-parts';
import { AmountsStrip } from './AmountsStrip';
import { citationOf, type RuleSetCatalog } from './rule-sets';

export type TracePage =
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

/** The first workweek a page shows of a worker: with the worker's id, the key of their part of it. */
export const firstWeekOf = (worker: TracePage['workers'][number]): string | undefined =>
  (worker.weeks as unknown as Week[])[0]?.weekStart;

/** One worker's part of a trace page: their amounts, the weeks left out, and each workweek's steps. */
export function WorkerTrace({
  worker,
  ruleSets,
}: {
  worker: TracePage['workers'][number];
  ruleSets: RuleSetCatalog | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const figureLabel = (figure: string) =>
    (FIGURES as readonly string[]).includes(figure)
      ? t(`backWages.figure.${figure as (typeof FIGURES)[number]}`)
      : figure;
  const figures = worker.figures as WorkerFigures | null;
  const weeks = worker.weeks as unknown as Week[];
  const excluded = worker.excluded as unknown as Excluded[];
  const name =
    typeof worker.name === 'string' ? worker.name : t('workers.unnamed', { id: shortId(worker.workerId) });
  return (
    <section className="margin-top-3" aria-label={name}>
      <h4 className="margin-bottom-1 margin-top-0">{name}</h4>
      {figures && <AmountsStrip amounts={figures} totalLabel={t('backWages.amounts.workerTotal')} />}
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
                      {owed && <> · {t('backWages.trace.weekOwed', { amount: f.money(owed.totalCents) })}</>}
                    </th>
                  </tr>
                  {week.trace.map((step, i) => (
                    <tr key={i} className={step.figure === 'warning' ? 'workbench-row-error' : undefined}>
                      <td>{figureLabel(step.figure)}</td>
                      <td>
                        <RuleCell
                          ruleId={step.ruleId}
                          citation={citationOf(ruleSets, step.ruleId, step.ruleSetVersion, week.weekStart)}
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
