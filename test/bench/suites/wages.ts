/**
 * The back-wage engine (libs/wage-rules) on a large case: 10,000 workers x 156 workweeks (three
 * years) under FLSA and California together, so most weeks are evaluated under both rule sets
 * and the more generous kept; the first year falls outside FLSA's two-year window. The dataset
 * is generated (deterministic PRNG) before timing: hourly workers (some with unpaid hours, some
 * paid an overtime premium), piece workers, hourly plus bonus, flat weekly pay below the
 * minimum; days of 4-14 hours, so daily overtime, double time and seventh days occur.
 *
 * One measurement = one full computation (traces lazy: each is built when read), in ms.
 */
import { performance } from 'node:perf_hooks';
import { addDays, type IsoDate } from '@lse/domain';
import {
  CALIFORNIA_RULE_SET,
  computeBackWages,
  FLSA_RULE_SET,
  type BackWageInput,
  type PayComponent,
  type WorkweekRecord,
} from '@lse/wage-rules';
import { defineSuite } from '../harness';

const WORKERS = 10_000;
const WEEKS = 156;
const FIRST_WEEK = '2023-01-08' as IsoDate; // a Sunday
const FILING_DATE = '2026-01-05' as IsoDate;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCase(workers = WORKERS, weeks = WEEKS): BackWageInput {
  const random = prng(20260105);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const starts = Array.from({ length: weeks }, (_, i) => addDays(FIRST_WEEK, 7 * i));
  const records: WorkweekRecord[] = [];
  const ids: { id: string }[] = [];
  for (let w = 0; w < workers; w++) {
    const id = `worker-${w}`;
    ids.push({ id });
    const kind = random();
    const rate = int(1200, 2600);
    const sixDays = random() < 0.3;
    for (let k = 0; k < weeks; k++) {
      const hours = [0, 0, 0, 0, 0, 0, 0];
      let total = 0;
      for (let d = sixDays ? 1 : 1; d < (sixDays ? 7 : 6); d++) {
        const h = int(16, 56) / 4; // 4.00 to 14.00 in quarter hours
        hours[d] = h;
        total += h;
      }
      if (random() < 0.05) {
        hours[0] = int(8, 32) / 4; // a seventh day now and then
        total += hours[0];
      }
      const pay: PayComponent[] = [];
      if (kind < 0.5) {
        // hourly; a third of them not paid for every hour
        const paid = random() < 0.33 ? Math.min(total, 40) : total;
        pay.push({ kind: 'hourly', rateCents: rate, hours: paid });
        if (random() < 0.2 && total > 40)
          pay.push({ kind: 'overtime_premium', cents: Math.round((rate / 2) * (total - 40)) });
      } else if (kind < 0.75) {
        pay.push({ kind: 'piece', cents: int(40_000, 110_000) });
      } else if (kind < 0.9) {
        pay.push({ kind: 'hourly', rateCents: rate, hours: total });
        pay.push({ kind: 'bonus', cents: int(0, 20_000) });
      } else {
        pay.push({ kind: 'salary', cents: int(45_000, 80_000) });
      }
      records.push({ workerId: id, weekStart: starts[k], hours, pay });
    }
  }
  return {
    ruleSets: [FLSA_RULE_SET, CALIFORNIA_RULE_SET],
    filingDate: FILING_DATE,
    willful: false,
    workers: ids,
    records,
  };
}

let dataset: BackWageInput | undefined;
let checksum = 0;

export default defineSuite({
  name: 'wages',
  async setup() {
    dataset = generateCase();
  },
  async teardown() {
    dataset = undefined;
  },
  measurements: [
    {
      name: 'wages.10k_x_156',
      unit: 'ms',
      async measure() {
        const start = performance.now();
        const result = computeBackWages(dataset!, { trace: 'lazy' });
        const ms = performance.now() - start;
        // Checked after timing, without building every week object (that would only grow the heap).
        if (result.workers.length !== WORKERS || result.excluded.length !== 0)
          throw new Error('workers or weeks missing');
        if (checksum && checksum !== result.totals.total)
          throw new Error('the same input gave another total');
        checksum = result.totals.total;
        // Any week's figures and trace can still be read.
        const last = result.workers[WORKERS - 1].weeks;
        if (last.length !== WEEKS || !last.at(-1)!.trace.length) throw new Error('weeks or trace missing');
        return ms;
      },
    },
  ],
  goals: [{ name: 'wages.10k_x_156', maxValue: 1000, source: 'issue 4' }],
});
