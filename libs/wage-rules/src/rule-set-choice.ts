/**
 * Which rule set a workweek is computed under, and the explanation: only rule sets whose
 * limitation window the week accrued in count, and of those the most generous wins.
 */
import { addDays, cents, type IsoDate } from '@lse/domain';
import type { CompiledRuleSet } from './compile';
import type { ExcludedWorkweek, TraceStep, WorkweekRecord } from './model';
import { newPreparedWeek, prepareWeek, type PreparedWeek } from './prepared-week';
import { dollars } from './rounding';
import { evaluateWeek, newWeekFigures, type WeekFigures } from './workweek';

/** Everything a week needs to explain itself later (shared by all weeks of one computation). */
export interface Context {
  compiled: CompiledRuleSet[];
  filingDate: IsoDate;
}

/** More back wages wins; on equal back wages, the larger total; on a tie, the earlier rule set. */
export function moreGenerous(f: WeekFigures, bestUnpaid: number, bestTotal: number): boolean {
  return f.unpaidWages > bestUnpaid || (f.unpaidWages === bestUnpaid && f.total > bestTotal);
}

export function exclusion(record: WorkweekRecord, accrued: IsoDate, context: Context): ExcludedWorkweek {
  const windows = context.compiled.map(
    (rs) =>
      `${rs.source.id}: ${rs.windowYears} year(s) back from the filing date ${context.filingDate}, from ${rs.windowStart} (${rs.source.limitation.id})`,
  );
  return {
    workerId: record.workerId,
    weekStart: record.weekStart,
    accrued,
    reason: `outside the limitation period: accrued ${accrued} (${record.payday ? 'payday' : 'end of the workweek'}), before every window; ${windows.join('; ')}`,
  };
}

/** Re-evaluates one week with tracing on, for every rule set in its window, and explains the choice. */
export function explain(record: WorkweekRecord, accrued: IsoDate, context: Context): TraceStep[] {
  const wk: PreparedWeek = prepareWeek(record, addDays(record.weekStart, 6), newPreparedWeek());
  const candidates: { rs: CompiledRuleSet; figures: WeekFigures; steps: TraceStep[] }[] = [];
  const outside: CompiledRuleSet[] = [];
  for (const rs of context.compiled) {
    if (accrued < rs.windowStart) {
      outside.push(rs);
      continue;
    }
    const steps: TraceStep[] = [];
    candidates.push({ rs, figures: { ...evaluateWeek(rs, wk, newWeekFigures(), steps) }, steps });
  }
  let best = candidates[0];
  for (const c of candidates.slice(1)) {
    if (moreGenerous(c.figures, best.figures.unpaidWages, best.figures.total)) best = c;
  }
  const steps = [...best.steps];
  if (context.compiled.length > 1) {
    const others = [
      ...candidates
        .filter((c) => c !== best)
        .map(
          (c) =>
            `${c.rs.source.id} ${c.rs.source.version}: back wages ${dollars(c.figures.unpaidWages)}, total ${dollars(c.figures.total)}`,
        ),
      ...outside.map(
        (rs) =>
          `${rs.source.id}: not applicable, accrued ${accrued} before its window from ${rs.windowStart}`,
      ),
    ];
    steps.push({
      figure: 'ruleSetChosen',
      ruleId: `${best.rs.source.id}.more_generous`,
      ruleSetVersion: best.rs.source.version,
      formula: `${best.rs.source.id} is the most generous for this workweek (back wages ${dollars(best.figures.unpaidWages)}, total ${dollars(best.figures.total)}) over ${others.join('; ')}`,
      amount: cents(best.figures.total),
    });
  }
  return steps;
}
