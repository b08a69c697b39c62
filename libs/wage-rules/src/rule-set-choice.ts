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
  if (context.compiled.length === 1) return best.steps;
  const outsideText = outside.map(
    (rs) => `${rs.source.id}: not applicable, accrued ${accrued} before its window from ${rs.windowStart}`,
  );
  const version = best.rs.source.version;
  if (candidates.length === 1) {
    return [
      ...best.steps,
      {
        figure: 'ruleSetChosen',
        ruleId: `${best.rs.source.id}.more_generous`,
        ruleSetVersion: version,
        // Worded as before several laws were combined, so traces recorded then still verify.
        formula: `${best.rs.source.id} is the most generous for this workweek (back wages ${dollars(best.figures.unpaidWages)}, total ${dollars(best.figures.total)}) over ${outsideText.join('; ')}`,
        amount: cents(best.figures.total),
      },
    ];
  }
  // Several laws apply: each one's computation is on the trace, then the award.
  const steps = candidates.flatMap((c) => c.steps);
  const unpaid = best.figures.unpaidWages;
  let mw: { amount: number; by: string } = { amount: 0, by: 'none' };
  let ot: { amount: number; by: string } = { amount: 0, by: 'none' };
  for (const c of candidates) {
    if (c.rs.ldMinimumWage && c.figures.minimumWageShortfall > mw.amount)
      mw = { amount: c.figures.minimumWageShortfall, by: c.rs.source.id };
    if (c.rs.ldOvertime && c.figures.overtimeDue > ot.amount)
      ot = { amount: c.figures.overtimeDue, by: c.rs.source.id };
  }
  const ld = mw.amount + ot.amount;
  const each = candidates.map(
    (c) =>
      `${c.rs.source.id} ${c.rs.source.version}: back wages ${dollars(c.figures.unpaidWages)}, its own damages ${dollars(c.figures.liquidatedDamages)}`,
  );
  steps.push({
    figure: 'ruleSetChosen',
    ruleId: `${best.rs.source.id}.more_generous`,
    ruleSetVersion: version,
    formula:
      `back wages awarded under ${best.rs.source.id} (${dollars(unpaid)}), the larger, so a second law never lowers what is owed: ` +
      [...each, ...outsideText].join('; '),
    amount: cents(unpaid),
  });
  steps.push({
    figure: 'liquidatedDamages',
    ruleId: 'liquidated_damages.combined',
    ruleSetVersion: version,
    formula:
      `each law's damages on its own part, once for the same unpaid dollars (29 U.S.C. 216(b), Labor Code 1194.2): ` +
      `minimum wages ${dollars(mw.amount)} (${mw.by}) + overtime ${dollars(ot.amount)} (${ot.by}) = ${dollars(ld)}`,
    amount: cents(ld),
  });
  steps.push({
    figure: 'total',
    ruleId: 'total.awarded',
    ruleSetVersion: version,
    formula: `back wages ${dollars(unpaid)} + liquidated damages ${dollars(ld)} = ${dollars(unpaid + ld)}`,
    amount: cents(unpaid + ld),
  });
  return steps;
}
