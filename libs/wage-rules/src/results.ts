/**
 * The result objects: figures kept as numbers in columns while computing, week objects and
 * traces built on first read.
 */
import { addDays, type Cents, type IsoDate } from '@lse/domain';
import type {
  ExcludedWorkweek,
  Figures,
  TraceStep,
  WorkerBackWages,
  WorkweekRecord,
  WorkweekResult,
} from './model';
import { newPreparedWeek, prepareWeek } from './prepared-week';
import { rateText } from './rounding';
import { explain, type Context } from './rule-set-choice';
import { evaluateWeek, newWeekFigures } from './workweek';

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
export const SLOTS = 3;
export const MWS = 0;
export const OTD = 1;
export const LD = 2;

export interface Columns {
  figures: Int32Array | Float64Array;
  ruleSet: Int8Array;
}

/**
 * A worker's weeks are kept as numbers (no object per week while computing: 1.5 million weeks
 * must take well under a second); `weeks` builds the week objects on first read.
 */
export class WorkerResult implements WorkerBackWages {
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
