import { addDays, cents, isIsoDate, toEpochDay, ValidationError, weekdayOf, type IsoDate } from '@lse/domain';
import { compileRuleSet } from './compile';
import { BackWageInputError } from './errors';
import type {
  BackWageInput,
  BackWageResult,
  ComputeOptions,
  ExcludedWorkweek,
  Figures,
  MinimumWageEntry,
  RuleSet,
} from './model';
import { newPreparedWeek, prepareWeek } from './prepared-week';
import { LD, MWS, OTD, SLOTS, WorkerResult, type Columns } from './results';
import { exclusion, moreGenerous, type Context } from './rule-set-choice';
import { RuleSetSchema } from './schemas';
import { groupByWorker, sortedWeeks } from './worker-groups';
import { evaluateWeek, newWeekFigures } from './workweek';

export const ROUNDING_RULE =
  'Exact integer arithmetic (cents, hundredths of an hour, the regular rate as an exact fraction); ' +
  "each workweek's minimum wage shortfall and overtime due rounded once to the cent, half up; " +
  'liquidated damages and all totals are sums of those rounded figures.';

/** What every worker's record for the same week start shares, computed once per week start. */
interface WeekInfo {
  end: IsoDate;
  day: number;
  /** Per rule set: the minimum wage for the week. */
  minimumWage: (MinimumWageEntry | null)[];
  /** Per rule set: the week end is in its limitation window (used when no payday is given). */
  endInWindow: boolean[];
}

/**
 * Computes back wages for every worker and workweek. Pure and deterministic: the same input
 * always gives the same result. Throws `ValidationError` for malformed records, unknown
 * workers, a worker's workweek listed twice, or a week with no minimum wage in a rule set; its
 * subclass `BackWageInputError` names the problem for a malformed filing date, overlapping weeks
 * of one worker, a week off the employer's workweek start, and a missing or malformed rule set.
 *
 * Where several laws apply to a week (FLSA and a state's), the week awards the larger back wages
 * and the liquidated damages each law provides on its own part, once for the same unpaid dollars:
 * minimum-wage damages are the largest any law gives on minimum wages, overtime damages the
 * largest any law gives on overtime (29 U.S.C. 216(b), 218(a); e.g. Labor Code 1194.2).
 */
export function computeBackWages(input: BackWageInput, options: ComputeOptions = {}): BackWageResult {
  if (input.ruleSets.length === 0) throw new ValidationError('at least one rule set is needed');
  if (input.ruleSets.length > 127) throw new ValidationError('at most 127 rule sets in one computation');
  // A malformed date would make every window comparison false: no limitation period at all.
  if (!isIsoDate(input.filingDate))
    throw new BackWageInputError('malformed_filing_date', `filingDate must be a calendar date YYYY-MM-DD`, {
      field: 'filingDate',
    });
  input.ruleSets.forEach(checkRuleSet);
  const workweekStart = input.workweekStart;
  const context: Context = {
    compiled: input.ruleSets.map((rs, i) => compileRuleSet(rs, i, input.filingDate, input.willful)),
    filingDate: input.filingDate,
  };
  const compiled = context.compiled;

  const groups = groupByWorker(input);
  const weekInfo = new Map<string, WeekInfo>();
  const infoOf = (weekStart: IsoDate): WeekInfo => {
    let info = weekInfo.get(weekStart);
    if (info === undefined) {
      if (!isIsoDate(weekStart))
        throw new ValidationError(`not a calendar date: weekStart "${String(weekStart)}"`);
      if (workweekStart !== undefined && weekdayOf(weekStart) !== workweekStart)
        throw new BackWageInputError(
          'workweek_start_mismatch',
          `the workweek of ${weekStart} starts on a ${weekdayOf(weekStart)}; the employer's workweek starts on ${workweekStart} (29 CFR 778.105)`,
          { weekStart, workweekStart },
        );
      const end = addDays(weekStart, 6);
      info = {
        end,
        day: toEpochDay(weekStart),
        // Resolved only for rule sets the week is in the window of (a table may not reach back).
        minimumWage: compiled.map(() => null),
        endInWindow: compiled.map((rs) => end >= rs.windowStart),
      };
      weekInfo.set(weekStart, info);
    }
    return info;
  };

  const columns: Columns = {
    figures: new Int32Array(input.records.length * SLOTS),
    ruleSet: new Int8Array(input.records.length),
  };
  let row = 0;
  const wk = newPreparedWeek();
  const figures = newWeekFigures();
  const workers: WorkerResult[] = [];
  const excludedAll: ExcludedWorkweek[] = [];
  let gMws = 0;
  let gOtd = 0;
  let gLd = 0;
  for (const group of groups) {
    const workerId = group.workerId;
    let records = group.records;
    let from = group.from;
    const count = group.count;
    const excluded: ExcludedWorkweek[] = [];
    let mwsSum = 0;
    let otdSum = 0;
    let ldSum = 0;
    let previousDay = -Infinity;
    for (let k = 0; k < count; k++) {
      const record = records[from + k];
      const info = infoOf(record.weekStart);
      if (info.day <= previousDay) {
        // Out of order (or a duplicate): sort this worker's weeks and start the worker again.
        records = sortedWeeks(records.slice(from, from + count), workerId);
        from = 0;
        k = -1;
        previousDay = -Infinity;
        excluded.length = 0;
        mwsSum = otdSum = ldSum = 0;
        continue;
      }
      if (info.day < previousDay + 7) {
        // Weeks starting on different weekdays share days: those hours would count twice.
        const overlaps = records[from + k - 1].weekStart;
        throw new BackWageInputError(
          'overlapping_workweeks',
          `worker ${workerId}: the workweek of ${record.weekStart} overlaps the workweek of ${overlaps} (a workweek is a fixed, recurring 7 days, 29 CFR 778.105)`,
          { workerId, weekStart: record.weekStart, overlaps },
        );
      }
      previousDay = info.day;
      const accrued = record.payday ?? info.end;
      prepareWeek(record, info.end, wk);
      let best = -1;
      let bMws = 0;
      let bOtd = 0;
      let bTotal = 0;
      // Damages of each law on its own part, once for the same dollars (see above).
      let ldMw = 0;
      let ldOt = 0;
      for (let i = 0; i < compiled.length; i++) {
        const rs = compiled[i];
        if (record.payday === undefined ? !info.endInWindow[i] : accrued < rs.windowStart) continue;
        const minimumWage = (info.minimumWage[i] ??= rs.minimumWageFor(record.weekStart, info.end));
        evaluateWeek(rs, wk, figures, null, minimumWage);
        if (best < 0 || moreGenerous(figures, bMws + bOtd, bTotal)) {
          best = i;
          bMws = figures.minimumWageShortfall;
          bOtd = figures.overtimeDue;
          bTotal = figures.total;
        }
        if (rs.ldMinimumWage && figures.minimumWageShortfall > ldMw) ldMw = figures.minimumWageShortfall;
        if (rs.ldOvertime && figures.overtimeDue > ldOt) ldOt = figures.overtimeDue;
      }
      const bLd = ldMw + ldOt;
      columns.ruleSet[row + k] = best;
      if (best < 0) {
        const e = exclusion(record, accrued, context);
        excluded.push(e);
        continue;
      }
      const at = (row + k) * SLOTS;
      if (bMws + bOtd + bLd > 0x7fffffff && columns.figures instanceof Int32Array) {
        columns.figures = Float64Array.from(columns.figures);
      }
      columns.figures[at + MWS] = bMws;
      columns.figures[at + OTD] = bOtd;
      columns.figures[at + LD] = bLd;
      mwsSum += bMws;
      otdSum += bOtd;
      ldSum += bLd;
    }
    for (const e of excluded) excludedAll.push(e);
    gMws += mwsSum;
    gOtd += otdSum;
    gLd += ldSum;
    const totals = toFigures(mwsSum, otdSum, ldSum);
    workers.push(new WorkerResult(workerId, excluded, totals, records, from, count, columns, row, context));
    row += count;
  }
  if (options.trace !== 'lazy') {
    for (const w of workers) for (const week of w.weeks) void week.trace;
  }
  return {
    filingDate: input.filingDate,
    willful: input.willful,
    ruleSets: input.ruleSets.map((rs) => ({ id: rs.id, version: rs.version })),
    rounding: ROUNDING_RULE,
    workers,
    excluded: excludedAll,
    totals: toFigures(gMws, gOtd, gLd),
  };
}

function toFigures(mws: number, otd: number, ld: number): Figures {
  return {
    minimumWageShortfall: cents(mws),
    overtimeDue: cents(otd),
    unpaidWages: cents(mws + otd),
    liquidatedDamages: cents(ld),
    total: cents(mws + otd + ld),
  };
}

/** A rule set passed in must be one: a hole in the list or a wrong shape is named, not a TypeError. */
function checkRuleSet(rs: RuleSet | undefined, i: number): void {
  if (typeof rs !== 'object' || rs === null)
    throw new BackWageInputError('unknown_rule_set', `ruleSets[${i}] is not a rule set`, {
      field: `ruleSets[${i}]`,
    });
  const parsed = RuleSetSchema.safeParse(rs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['ruleSets', i, ...issue.path]
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new BackWageInputError(
      'malformed_rule_set',
      `rule set ${String(rs.id)}: ${path}: ${issue.message}`,
      {
        field: path,
        ruleSet: String(rs.id),
      },
    );
  }
}
