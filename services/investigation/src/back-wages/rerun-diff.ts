import type { BackWagesComputed, WeekAmounts } from '@lse/contracts';

type Amounts = Pick<WeekAmounts, 'unpaidWagesCents' | 'liquidatedDamagesCents' | 'totalCents'>;

export interface WeekChange {
  weekStart: string;
  /** The figures before and after (null: the week was not owed, e.g. outside the window). */
  before: (Amounts & { ruleSetId: string }) | null;
  after: (Amounts & { ruleSetId: string }) | null;
  change: Amounts;
}

export interface WorkerChange {
  workerId: string;
  before: Amounts;
  after: Amounts;
  change: Amounts;
  weeks: WeekChange[];
}

/** What a re-run under newer rule-set versions changes, per worker and workweek (changed ones only). */
export interface RerunDiff {
  computationId: string;
  rerunId: string;
  ruleSets: { before: BackWagesComputed['ruleSets']; after: BackWagesComputed['ruleSets'] };
  totals: { before: Amounts; after: Amounts; change: Amounts };
  workers: WorkerChange[];
  unchangedWorkers: number;
  /** True when more weeks changed than one reply holds (`MAX_DIFF_WEEKS`): the totals are complete. */
  truncated: boolean;
}

/** A reply is one NATS message: about 200 bytes a week keeps the diff well under 1 MiB. */
export const MAX_DIFF_WEEKS = 2000;

const ZERO: Amounts = { unpaidWagesCents: 0, liquidatedDamagesCents: 0, totalCents: 0 };
const pick = (a: Amounts): Amounts => ({
  unpaidWagesCents: a.unpaidWagesCents,
  liquidatedDamagesCents: a.liquidatedDamagesCents,
  totalCents: a.totalCents,
});
const minus = (a: Amounts, b: Amounts): Amounts => ({
  unpaidWagesCents: a.unpaidWagesCents - b.unpaidWagesCents,
  liquidatedDamagesCents: a.liquidatedDamagesCents - b.liquidatedDamagesCents,
  totalCents: a.totalCents - b.totalCents,
});
const same = (a: Amounts, b: Amounts) =>
  a.unpaidWagesCents === b.unpaidWagesCents &&
  a.liquidatedDamagesCents === b.liquidatedDamagesCents &&
  a.totalCents === b.totalCents;

/** Compares two computations' recorded figures worker by worker, week by week. */
export function rerunDiff(before: BackWagesComputed, after: BackWagesComputed): RerunDiff {
  const afterWorkers = new Map(after.workers.map((w) => [w.workerId, w]));
  const ids = [...new Set([...before.workers.map((w) => w.workerId), ...afterWorkers.keys()])];
  const beforeWorkers = new Map(before.workers.map((w) => [w.workerId, w]));
  const workers: WorkerChange[] = [];
  let unchangedWorkers = 0;
  let weeksKept = 0;
  let truncated = false;
  for (const id of ids) {
    const b = beforeWorkers.get(id);
    const a = afterWorkers.get(id);
    const bWeeks = new Map((b?.weeks ?? []).map((w) => [w.weekStart, w]));
    const aWeeks = new Map((a?.weeks ?? []).map((w) => [w.weekStart, w]));
    const starts = [...new Set([...bWeeks.keys(), ...aWeeks.keys()])].sort();
    const weeks: WeekChange[] = [];
    for (const start of starts) {
      const bw = bWeeks.get(start);
      const aw = aWeeks.get(start);
      const bf = bw ? pick(bw) : ZERO;
      const af = aw ? pick(aw) : ZERO;
      if (same(bf, af) && bw?.ruleSetId === aw?.ruleSetId) continue;
      if (weeksKept >= MAX_DIFF_WEEKS) {
        truncated = true;
        break;
      }
      weeksKept++;
      weeks.push({
        weekStart: start,
        before: bw ? { ...bf, ruleSetId: bw.ruleSetId } : null,
        after: aw ? { ...af, ruleSetId: aw.ruleSetId } : null,
        change: minus(af, bf),
      });
    }
    const bt = b ? pick(b) : ZERO;
    const at = a ? pick(a) : ZERO;
    if (weeks.length === 0 && same(bt, at)) {
      unchangedWorkers++;
      continue;
    }
    workers.push({ workerId: id, before: bt, after: at, change: minus(at, bt), weeks });
  }
  return {
    computationId: before.computationId,
    rerunId: after.computationId,
    ruleSets: { before: before.ruleSets, after: after.ruleSets },
    totals: {
      before: pick(before.totals),
      after: pick(after.totals),
      change: minus(pick(after.totals), pick(before.totals)),
    },
    workers,
    unchangedWorkers,
    truncated,
  };
}
