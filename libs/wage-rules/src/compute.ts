import { addDays, cents, ValidationError, type Cents, type IsoDate } from '@lse/domain';
import { compileRuleSet, type CompiledRuleSet } from './compile';
import type {
  BackWageInput,
  BackWageResult,
  ComputeOptions,
  ExcludedWorkweek,
  Figures,
  TraceStep,
  WorkerBackWages,
  WorkweekRecord,
  WorkweekResult,
} from './model';
import { dollars, rateText } from './rounding';
import {
  evaluateWeek,
  newPreparedWeek,
  newWeekFigures,
  prepareWeek,
  type PreparedWeek,
  type WeekFigures,
} from './workweek';

export const ROUNDING_RULE =
  'Exact integer arithmetic (cents, hundredths of an hour, the regular rate as an exact fraction); ' +
  "each workweek's minimum wage shortfall and overtime due rounded once to the cent, half up; " +
  'liquidated damages and all totals are sums of those rounded figures.';

/** Everything a week needs to explain itself later (shared by all weeks of one computation). */
interface Context {
  compiled: CompiledRuleSet[];
  filingDate: IsoDate;
}

/**
 * One workweek's result. The trace is built on first read (lazy mode) by evaluating the week
 * again with tracing on: evaluation is pure, so the trace explains exactly these figures.
 */
class WeekResult implements WorkweekResult {
  #trace: TraceStep[] | null = null;
  readonly #record: WorkweekRecord;
  readonly #accrued: IsoDate;
  readonly #context: Context;

  constructor(
    readonly workerId: string,
    readonly weekStart: IsoDate,
    readonly ruleSetId: string,
    readonly ruleSetVersion: string,
    readonly hoursWorked: number,
    readonly regularRate: string,
    readonly minimumWageShortfall: Cents,
    readonly overtimeDue: Cents,
    readonly unpaidWages: Cents,
    readonly liquidatedDamages: Cents,
    readonly total: Cents,
    record: WorkweekRecord,
    accrued: IsoDate,
    context: Context,
  ) {
    this.#record = record;
    this.#accrued = accrued;
    this.#context = context;
  }

  get trace(): TraceStep[] {
    this.#trace ??= explain(this.#record, this.#accrued, this.#context);
    return this.#trace;
  }

  toJSON(): Omit<WorkweekResult, never> {
    return {
      workerId: this.workerId,
      weekStart: this.weekStart,
      ruleSetId: this.ruleSetId,
      ruleSetVersion: this.ruleSetVersion,
      hoursWorked: this.hoursWorked,
      regularRate: this.regularRate,
      minimumWageShortfall: this.minimumWageShortfall,
      overtimeDue: this.overtimeDue,
      unpaidWages: this.unpaidWages,
      liquidatedDamages: this.liquidatedDamages,
      total: this.total,
      trace: this.trace,
    };
  }
}

/**
 * Computes back wages for every worker and workweek. Pure and deterministic: the same input
 * always gives the same result. Throws `ValidationError` for malformed records, unknown
 * workers, a worker's workweek listed twice, or a week with no minimum wage in a rule set.
 */
export function computeBackWages(input: BackWageInput, options: ComputeOptions = {}): BackWageResult {
  if (input.ruleSets.length === 0) throw new ValidationError('at least one rule set is needed');
  const context: Context = {
    compiled: input.ruleSets.map((rs, i) => compileRuleSet(rs, i, input.filingDate, input.willful)),
    filingDate: input.filingDate,
  };
  const eager = options.trace !== 'lazy';

  const byWorker = new Map<string, WorkweekRecord[]>();
  for (const w of input.workers) {
    if (byWorker.has(w.id)) throw new ValidationError(`worker ${w.id} is listed twice`, { workerId: w.id });
    byWorker.set(w.id, []);
  }
  for (const r of input.records) {
    const list = byWorker.get(r.workerId);
    if (!list) throw new ValidationError(`record for unknown worker ${r.workerId}`, { workerId: r.workerId });
    list.push(r);
  }

  const weekEnds = new Map<string, IsoDate>();
  const weekEndOf = (start: IsoDate) => {
    let end = weekEnds.get(start);
    if (end === undefined) {
      end = addDays(start, 6);
      weekEnds.set(start, end);
    }
    return end;
  };

  const wk = newPreparedWeek();
  const figures = newWeekFigures();
  const workers: WorkerBackWages[] = [];
  const excludedAll: ExcludedWorkweek[] = [];
  const grand = zeroSums();
  for (const [workerId, records] of byWorker) {
    sortByWeek(records, workerId);
    const weeks: WorkweekResult[] = [];
    const excluded: ExcludedWorkweek[] = [];
    const sums = zeroSums();
    for (const record of records) {
      const weekEnd = weekEndOf(record.weekStart);
      const accrued = record.payday ?? weekEnd;
      prepareWeek(record, weekEnd, wk);
      let best: CompiledRuleSet | null = null;
      let bMws = 0;
      let bOtd = 0;
      let bLd = 0;
      let bRate = '';
      for (const rs of context.compiled) {
        if (accrued < rs.windowStart) continue;
        evaluateWeek(rs, wk, figures, null);
        if (best === null || moreGenerous(figures, bMws + bOtd, bMws + bOtd + bLd)) {
          best = rs;
          bMws = figures.minimumWageShortfall;
          bOtd = figures.overtimeDue;
          bLd = figures.liquidatedDamages;
          bRate = rateText(figures.rrN, figures.rrD);
        }
      }
      if (best === null) {
        const e = exclusion(record, accrued, context);
        excluded.push(e);
        excludedAll.push(e);
        continue;
      }
      const week = new WeekResult(
        workerId,
        record.weekStart,
        best.source.id,
        best.source.version,
        wk.W / 100,
        bRate,
        bMws as Cents,
        bOtd as Cents,
        (bMws + bOtd) as Cents,
        bLd as Cents,
        (bMws + bOtd + bLd) as Cents,
        record,
        accrued,
        context,
      );
      if (eager) void week.trace;
      weeks.push(week);
      sums.mws += bMws;
      sums.otd += bOtd;
      sums.ld += bLd;
    }
    grand.mws += sums.mws;
    grand.otd += sums.otd;
    grand.ld += sums.ld;
    workers.push({ workerId, weeks, excluded, totals: toFigures(sums) });
  }
  return {
    filingDate: input.filingDate,
    willful: input.willful,
    ruleSets: input.ruleSets.map((rs) => ({ id: rs.id, version: rs.version })),
    rounding: ROUNDING_RULE,
    workers,
    excluded: excludedAll,
    totals: toFigures(grand),
  };
}

/** More back wages wins; on equal back wages, the larger total; on a tie, the earlier rule set. */
function moreGenerous(f: WeekFigures, bestUnpaid: number, bestTotal: number): boolean {
  return f.unpaidWages > bestUnpaid || (f.unpaidWages === bestUnpaid && f.total > bestTotal);
}

function sortByWeek(records: WorkweekRecord[], workerId: string): void {
  let sorted = true;
  for (let i = 1; i < records.length; i++) {
    if (records[i].weekStart <= records[i - 1].weekStart) {
      sorted = false;
      break;
    }
  }
  if (!sorted) {
    records.sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
    for (let i = 1; i < records.length; i++) {
      if (records[i].weekStart === records[i - 1].weekStart) {
        throw new ValidationError(`worker ${workerId}: the workweek of ${records[i].weekStart} is listed twice`, {
          workerId,
          weekStart: records[i].weekStart,
        });
      }
    }
  }
}

function exclusion(record: WorkweekRecord, accrued: IsoDate, context: Context): ExcludedWorkweek {
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
function explain(record: WorkweekRecord, accrued: IsoDate, context: Context): TraceStep[] {
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
        .map((c) => `${c.rs.source.id} ${c.rs.source.version}: back wages ${dollars(c.figures.unpaidWages)}, total ${dollars(c.figures.total)}`),
      ...outside.map(
        (rs) => `${rs.source.id}: not applicable, accrued ${accrued} before its window from ${rs.windowStart}`,
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

interface Sums {
  mws: number;
  otd: number;
  ld: number;
}

const zeroSums = (): Sums => ({ mws: 0, otd: 0, ld: 0 });

function toFigures(s: Sums): Figures {
  return {
    minimumWageShortfall: cents(s.mws),
    overtimeDue: cents(s.otd),
    unpaidWages: cents(s.mws + s.otd),
    liquidatedDamages: cents(s.ld),
    total: cents(s.mws + s.otd + s.ld),
  };
}
