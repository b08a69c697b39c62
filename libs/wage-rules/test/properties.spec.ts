/**
 * Properties of the engine over generated workweeks (fast-check).
 *
 * "Adding an hour never lowers the amount" holds for every kind of pay under weekly overtime
 * (FLSA): the premium is regular rate x (hours - 40), and regular rate x hours does not fall.
 * Under daily overtime it is checked for hourly pay only: a straight-time hour added to a piece
 * worker's week lowers the regular rate (29 CFR 778.111) and with it the premium on the daily
 * overtime hours, which the law intends.
 */
import fc from 'fast-check';
import {
  CALIFORNIA_RULE_SET,
  computeBackWages,
  FLSA_RULE_SET,
  type PayComponent,
  type RuleSet,
  type WorkweekRecord,
} from '../src';
import { date, input } from './fixtures';

const quarterHours = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);
const days = fc.array(quarterHours(14), { minLength: 7, maxLength: 7 });
const money = (max: number) => fc.integer({ min: 0, max });

const anyPay: fc.Arbitrary<PayComponent[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('hourly' as const), rateCents: money(4000), hours: quarterHours(70) }),
    fc.record({ kind: fc.constant('piece' as const), cents: money(150_000) }),
    fc.record({ kind: fc.constant('salary' as const), cents: money(150_000) }),
    fc.record({ kind: fc.constant('bonus' as const), cents: money(30_000) }),
    fc.record({ kind: fc.constant('overtime_premium' as const), cents: money(20_000) }),
    fc.record({ kind: fc.constant('makeup' as const), cents: money(20_000) }),
  ),
  { maxLength: 4 },
);
const hourlyPay: fc.Arbitrary<PayComponent[]> = fc.array(
  fc.record({ kind: fc.constant('hourly' as const), rateCents: money(4000), hours: quarterHours(70) }),
  { maxLength: 3 },
);

const record = (hours: number[], pay: PayComponent[], weekStart = '2025-03-02'): WorkweekRecord => ({
  workerId: 'w1',
  weekStart: date(weekStart),
  hours,
  pay,
});
const compute = (records: WorkweekRecord[], ruleSets: RuleSet[]) =>
  computeBackWages(input(records, ruleSets, { filingDate: date('2025-12-31') }), { trace: 'lazy' });
const weekOf = (r: WorkweekRecord, ruleSets: RuleSet[]) => compute([r], ruleSets).workers[0].weeks[0];

describe.each([
  ['FLSA', [FLSA_RULE_SET]],
  ['California', [CALIFORNIA_RULE_SET]],
])('%s', (_, ruleSets) => {
  it('paying the computed amount leaves nothing owed', () => {
    fc.assert(
      fc.property(days, anyPay, (hours, pay) => {
        const owed = weekOf(record(hours, pay), ruleSets);
        const paid = weekOf(
          record(hours, [
            ...pay,
            { kind: 'makeup', cents: owed.minimumWageShortfall },
            { kind: 'overtime_premium', cents: owed.overtimeDue },
          ]),
          ruleSets,
        );
        expect([paid.minimumWageShortfall, paid.overtimeDue, paid.total]).toEqual([0, 0, 0]);
      }),
      { numRuns: 400 },
    );
  });

  it('each week stands alone: a week owes the same with or without the other weeks', () => {
    const weeks = fc.array(fc.tuple(days, anyPay), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(weeks, (list) => {
        const records = list.map(([hours, pay], i) => record(hours, pay, addWeeks('2025-03-02', i)));
        const together = compute(records, ruleSets).workers[0].weeks.map(figures);
        const alone = records.map((r) => figures(weekOf(r, ruleSets)));
        expect(together).toEqual(alone);
      }),
      { numRuns: 150 },
    );
  });

  it('totals are the sums of their parts', () => {
    const workers = fc.array(fc.array(fc.tuple(days, anyPay), { maxLength: 5 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(workers, (perWorker) => {
        const records = perWorker.flatMap((weeks, w) =>
          weeks.map(([hours, pay], i) => ({ ...record(hours, pay, addWeeks('2025-03-02', i)), workerId: `w${w}` })),
        );
        const r = computeBackWages(
          {
            ...input(records, ruleSets, { filingDate: date('2025-12-31') }),
            workers: perWorker.map((_, w) => ({ id: `w${w}` })),
          },
          { trace: 'lazy' },
        );
        const sum = (xs: ReturnType<typeof figures>[]) =>
          xs.reduce((a, b) => a.map((v, i) => v + b[i]) as typeof a, [0, 0, 0, 0, 0] as ReturnType<typeof figures>);
        for (const w of r.workers) {
          expect(figures(w.totals)).toEqual(sum(w.weeks.map(figures)));
          for (const week of w.weeks) {
            expect(week.unpaidWages).toBe(week.minimumWageShortfall + week.overtimeDue);
            expect(week.total).toBe(week.unpaidWages + week.liquidatedDamages);
          }
        }
        expect(figures(r.totals)).toEqual(sum(r.workers.map((w) => figures(w.totals))));
      }),
      { numRuns: 100 },
    );
  });
});

describe('adding an hour never lowers the amount', () => {
  const moreHours = fc.tuple(days, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 8 }));
  it.each([
    ['FLSA, any pay', [FLSA_RULE_SET], anyPay],
    ['California, hourly pay', [CALIFORNIA_RULE_SET], hourlyPay],
    ['FLSA and California, hourly pay', [FLSA_RULE_SET, CALIFORNIA_RULE_SET], hourlyPay],
  ] as const)('%s', (_, ruleSets, pay) => {
    fc.assert(
      fc.property(moreHours, pay, ([hours, day, quarters], components) => {
        const more = [...hours];
        more[day] = Math.min(24, more[day] + quarters / 4);
        const before = weekOf(record(hours, components), [...ruleSets]);
        const after = weekOf(record(more, components), [...ruleSets]);
        expect(after.unpaidWages).toBeGreaterThanOrEqual(before.unpaidWages);
      }),
      { numRuns: 500 },
    );
  });
});

function figures(f: { minimumWageShortfall: number; overtimeDue: number; unpaidWages: number; liquidatedDamages: number; total: number }) {
  return [f.minimumWageShortfall, f.overtimeDue, f.unpaidWages, f.liquidatedDamages, f.total] as [number, number, number, number, number];
}

function addWeeks(start: string, weeks: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * weeks);
  return d.toISOString().slice(0, 10);
}
