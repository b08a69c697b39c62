import { addDays, cents, isIsoDate, toEpochDay, ValidationError, type Cents, type IsoDate } from '@lse/domain';
import { compileRuleSet, type CompiledRuleSet } from './compile';
import type {
  BackWageInput,
  BackWageResult,
  ComputeOptions,
  ExcludedWorkweek,
  Figures,
  MinimumWageEntry,
  TraceStep,
  WorkerBackWages,
  WorkweekRecord,
  WorkweekResult,
} from './model';
import { dollars, rateText } from './rounding';
import { newPreparedWeek, prepareWeek, type PreparedWeek } from './prepared-week';
import { evaluateWeek, newWeekFigures, type WeekFigures } from './workweek';

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
 * One workweek's result. The trace is built on first read by evaluating the week again with
 * tracing on: evaluation is pure, so the trace explains exactly these figures.
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

  toJSON(): WorkweekResult {
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
 * Per input record: its three figures in `Columns.figures` (cents; Int32Array until a weekly
 * figure exceeds $21,474,836.47, then a Float64Array, exact either way) and the
 * index of the rule set used in `Columns.ruleSet` (-1: outside every limitation window). Kept
 * small on purpose: a large external buffer makes V8 mark the whole heap.
 */
const SLOTS = 3;
const MWS = 0;
const OTD = 1;
const LD = 2;

interface Columns {
  figures: Int32Array | Float64Array;
  ruleSet: Int8Array;
}

/**
 * A worker's weeks are kept as numbers (no object per week while computing: 1.5 million weeks
 * must take well under a second); `weeks` builds the week objects on first read.
 */
class WorkerResult implements WorkerBackWages {
  #weeks: WorkweekResult[] | null = null;
  readonly #records: readonly WorkweekRecord[];
  readonly #from: number;
  readonly #count: number;
  readonly #columns: Columns;
  readonly #row: number;
  readonly #context: Context;

  constructor(
    readonly workerId: string,
    readonly excluded: ExcludedWorkweek[],
    readonly totals: Figures,
    records: readonly WorkweekRecord[],
    from: number,
    count: number,
    columns: Columns,
    row: number,
    context: Context,
  ) {
    this.#records = records;
    this.#from = from;
    this.#count = count;
    this.#columns = columns;
    this.#row = row;
    this.#context = context;
  }

  get weeks(): WorkweekResult[] {
    if (this.#weeks) return this.#weeks;
    const { figures, ruleSet } = this.#columns;
    const weeks: WorkweekResult[] = [];
    const wk = newPreparedWeek();
    const again = newWeekFigures();
    for (let i = 0; i < this.#count; i++) {
      const index = ruleSet[this.#row + i];
      if (index < 0) continue;
      const at = (this.#row + i) * SLOTS;
      const record = this.#records[this.#from + i];
      const rs = this.#context.compiled[index];
      // Hours and the regular rate are not stored; the same pure evaluation gives them again.
      const weekEnd = addDays(record.weekStart, 6);
      evaluateWeek(rs, prepareWeek(record, weekEnd, wk), again, null);
      const mws = figures[at + MWS];
      const otd = figures[at + OTD];
      const ld = figures[at + LD];
      weeks.push(
        new WeekResult(
          this.workerId,
          record.weekStart,
          rs.source.id,
          rs.source.version,
          wk.W / 100,
          rateText(again.rrN, again.rrD),
          mws as Cents,
          otd as Cents,
          (mws + otd) as Cents,
          ld as Cents,
          (mws + otd + ld) as Cents,
          record,
          record.payday ?? weekEnd,
          this.#context,
        ),
      );
    }
    this.#weeks = weeks;
    return weeks;
  }

  toJSON(): WorkerBackWages {
    return { workerId: this.workerId, weeks: this.weeks, excluded: this.excluded, totals: this.totals };
  }
}

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
 * workers, a worker's workweek listed twice, or a week with no minimum wage in a rule set.
 */
export function computeBackWages(input: BackWageInput, options: ComputeOptions = {}): BackWageResult {
  if (input.ruleSets.length === 0) throw new ValidationError('at least one rule set is needed');
  if (input.ruleSets.length > 127) throw new ValidationError('at most 127 rule sets in one computation');
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
      if (!isIsoDate(weekStart)) throw new ValidationError(`not a calendar date: weekStart "${String(weekStart)}"`);
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
      previousDay = info.day;
      const accrued = record.payday ?? info.end;
      prepareWeek(record, info.end, wk);
      let best = -1;
      let bMws = 0;
      let bOtd = 0;
      let bLd = 0;
      for (let i = 0; i < compiled.length; i++) {
        const rs = compiled[i];
        if (record.payday === undefined ? !info.endInWindow[i] : accrued < rs.windowStart) continue;
        const minimumWage = (info.minimumWage[i] ??= rs.minimumWageFor(record.weekStart, info.end));
        evaluateWeek(rs, wk, figures, null, minimumWage);
        if (best < 0 || moreGenerous(figures, bMws + bOtd, bMws + bOtd + bLd)) {
          best = i;
          bMws = figures.minimumWageShortfall;
          bOtd = figures.overtimeDue;
          bLd = figures.liquidatedDamages;
        }
      }
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

interface Group {
  workerId: string;
  records: readonly WorkweekRecord[];
  from: number;
  count: number;
}

/**
 * Each worker's records, in the order of `input.workers`. Records already grouped by worker
 * (the usual upload) are used in place; otherwise they are collected per worker.
 */
function groupByWorker(input: BackWageInput): Group[] {
  const groups = new Map<string, Group>();
  for (const w of input.workers) {
    if (groups.has(w.id)) throw new ValidationError(`worker ${w.id} is listed twice`, { workerId: w.id });
    groups.set(w.id, { workerId: w.id, records: input.records, from: 0, count: 0 });
  }
  const records = input.records;
  let contiguous = true;
  let current: Group | undefined;
  for (let i = 0; i < records.length; i++) {
    const id = records[i].workerId;
    if (current !== undefined && id === current.workerId) {
      current.count++;
      continue;
    }
    current = groups.get(id);
    if (current === undefined) throw new ValidationError(`record for unknown worker ${id}`, { workerId: id });
    if (current.count > 0) contiguous = false;
    current.from = i;
    current.count++;
  }
  if (!contiguous) {
    const lists = new Map<string, WorkweekRecord[]>([...groups.keys()].map((id) => [id, []]));
    for (const r of records) lists.get(r.workerId)!.push(r);
    for (const [id, list] of lists) groups.set(id, { workerId: id, records: list, from: 0, count: list.length });
  }
  return [...groups.values()];
}

/** More back wages wins; on equal back wages, the larger total; on a tie, the earlier rule set. */
function moreGenerous(f: WeekFigures, bestUnpaid: number, bestTotal: number): boolean {
  return f.unpaidWages > bestUnpaid || (f.unpaidWages === bestUnpaid && f.total > bestTotal);
}

function sortedWeeks(records: WorkweekRecord[], workerId: string): WorkweekRecord[] {
  records.sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
  for (let i = 1; i < records.length; i++) {
    if (records[i].weekStart === records[i - 1].weekStart) {
      throw new ValidationError(`worker ${workerId}: the workweek of ${records[i].weekStart} is listed twice`, {
        workerId,
        weekStart: records[i].weekStart,
      });
    }
  }
  return records;
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

function toFigures(mws: number, otd: number, ld: number): Figures {
  return {
    minimumWageShortfall: cents(mws),
    overtimeDue: cents(otd),
    unpaidWages: cents(mws + otd),
    liquidatedDamages: cents(ld),
    total: cents(mws + otd + ld),
  };
}
