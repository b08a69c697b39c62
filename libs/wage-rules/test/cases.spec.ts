/** Cases beyond the worked examples, each computed by hand in the comment above it. */
import { ValidationError } from '@lse/domain';
import {
  CALIFORNIA_RULE_SET,
  computeBackWages,
  FLSA_RULE_SET,
  RuleSetSchema,
  WorkweekRecordSchema,
  type WorkweekResult,
} from '../src';
import { date, input, spread, week } from './fixtures';

const FLSA = [FLSA_RULE_SET];
const CA = [CALIFORNIA_RULE_SET];
const BOTH = [FLSA_RULE_SET, CALIFORNIA_RULE_SET];
const one = (records: Parameters<typeof input>[0], ruleSets = FLSA, more = {}): WorkweekResult =>
  computeBackWages(input(records, ruleSets, more)).workers[0].weeks[0];

describe('regular rate components (FLSA)', () => {
  it('salary for the week covers all hours: $500 for 50 h -> $10.00/h, premium 10 x $5.00 = $50.00', () => {
    expect(one([week('2025-03-02', spread(50), [{ kind: 'salary', cents: 50000 }])])).toMatchObject({
      regularRate: '1000',
      overtimeDue: 5000,
    });
  });

  it('a non-discretionary bonus raises the regular rate: $12 x 45 h + $90 -> $14.00/h, premium 5 x $7 = $35.00', () => {
    const w = one([
      week('2025-03-02', spread(45), [
        { kind: 'hourly', rateCents: 1200, hours: 45 },
        { kind: 'bonus', cents: 9000 },
      ]),
    ]);
    expect(w).toMatchObject({ regularRate: '1400', minimumWageShortfall: 0, overtimeDue: 3500 });
  });

  it('unpaid overtime hours are owed at 1.5 x the rate: $20 for 40 of 50 hours -> 10 x $30 = $300.00', () => {
    const w = one([week('2025-03-02', spread(50), [{ kind: 'hourly', rateCents: 2000, hours: 40 }])]);
    expect(w).toMatchObject({ regularRate: '2000', minimumWageShortfall: 0, overtimeDue: 30000, liquidatedDamages: 30000 });
  });

  it('an hourly rate below the minimum with unpaid overtime: $5 for 40 of 50 h -> $90.00 + $108.75', () => {
    // minimum wage: 7.25 x 40 - 200 = 90.00; overtime on 7.25: 10 x 7.25 + 0.5 x 7.25 x 10 = 108.75.
    const w = one([week('2025-03-02', spread(50), [{ kind: 'hourly', rateCents: 500, hours: 40 }])]);
    expect(w).toMatchObject({ regularRate: '725', minimumWageShortfall: 9000, overtimeDue: 10875, unpaidWages: 19875 });
  });

  it('an overtime premium already paid is credited: $20 x 50 h + $100 premium -> nothing owed', () => {
    const w = one([
      week('2025-03-02', spread(50), [
        { kind: 'hourly', rateCents: 2000, hours: 50 },
        { kind: 'overtime_premium', cents: 10000 },
      ]),
    ]);
    expect(w.total).toBe(0);
  });

  it('gap time in a week without overtime owes only the minimum wage (FLSA): $20 for 30 of 40 h -> $0', () => {
    expect(one([week('2025-03-02', spread(40), [{ kind: 'hourly', rateCents: 2000, hours: 30 }])]).total).toBe(0);
  });
});

describe('exact arithmetic, one rounding', () => {
  it('half a cent rounds up: $10.01 x 41 h -> 0.5 x 1001 c = 500.5 c -> $5.01', () => {
    expect(one([week('2025-03-02', spread(41), [{ kind: 'hourly', rateCents: 1001, hours: 41 }])]).overtimeDue).toBe(501);
  });

  it('the regular rate stays exact: $400 piece for 45 h -> 40000/45 c/h, premium 2222.2 c -> $22.22', () => {
    const w = one([week('2025-03-02', spread(45), [{ kind: 'piece', cents: 40000 }])]);
    expect(w.regularRate).toBe('8000/9');
    expect(w.overtimeDue).toBe(2222);
    expect(w.trace.find((s) => s.figure === 'regularRate')!.formula).toContain('$8.8889/h');
  });

  it('hours in hundredths: $12 x 40.75 h -> premium 0.5 x 1200 x 0.75 = 450 c', () => {
    const w = one([week('2025-03-02', [0, 8.75, 8, 8, 8, 8, 0], [{ kind: 'hourly', rateCents: 1200, hours: 40.75 }])]);
    expect(w).toMatchObject({ hoursWorked: 40.75, overtimeDue: 450 });
  });
});

describe('California', () => {
  it('daily overtime over 8: $20 for four 10-hour days -> 8 h x $10 = $80.00, no liquidated damages on overtime', () => {
    const w = one([week('2025-03-02', [0, 10, 10, 10, 10, 0, 0], [{ kind: 'hourly', rateCents: 2000, hours: 40 }])], CA);
    expect(w).toMatchObject({ ruleSetId: 'US-CA', overtimeDue: 8000, liquidatedDamages: 0, total: 8000 });
  });

  it('double time over 12: one 14-hour day at $20 -> 4 h x $10 + 2 h x $20 = $80.00', () => {
    const w = one([week('2025-03-02', [0, 14, 0, 0, 0, 0, 0], [{ kind: 'hourly', rateCents: 2000, hours: 14 }])], CA);
    expect(w.overtimeDue).toBe(8000);
    const tiers = w.trace.filter((s) => s.figure === 'overtimeHours').map((s) => [s.ruleId, s.hours]);
    expect(tiers).toEqual([
      ['CA.overtime.daily', 4],
      ['CA.overtime.daily', 2],
    ]);
  });

  it('seventh consecutive day: 6 x 8 h then 10 h at $20 -> weekly 8 h + 7th day 8 h at 1.5, 2 h at 2 = $200.00', () => {
    // Days 1-6 straight 48 h -> 8 h weekly overtime; day 7: 8 h x1.5, 2 h x2.
    // 0.5 x 20 x (8 + 8) + 1 x 20 x 2 = 160 + 40. FLSA: 18 h x 0.5 x 20 = 180.
    const records = [week('2025-03-02', [8, 8, 8, 8, 8, 8, 10], [{ kind: 'hourly', rateCents: 2000, hours: 58 }])];
    expect(one(records, CA).overtimeDue).toBe(20000);
    const both = one(records, BOTH);
    expect(both).toMatchObject({ ruleSetId: 'US-CA', overtimeDue: 20000 });
    const chosen = both.trace.find((s) => s.figure === 'ruleSetChosen')!;
    expect(chosen.formula).toContain('US-FLSA 2009-07-24: back wages $180.00');
  });

  it('no seventh-day rule unless all seven days are worked', () => {
    const w = one([week('2025-03-02', [0, 8, 8, 8, 8, 8, 10], [{ kind: 'hourly', rateCents: 2000, hours: 50 }])], CA);
    // daily: 2 h over 8 on the last day; straight 48 h -> 8 h weekly; 10 h x 0.5 x 20 = 100.00.
    // (As a seventh day it would be 8 h x1.5 + 2 h x2 there: 0.5 x 20 x 8 + 20 x 2 + 0 weekly = 120.00.)
    expect(w.overtimeDue).toBe(10000);
    expect(w.trace.some((s) => s.ruleId === 'CA.overtime.seventh_day')).toBe(false);
  });

  it('the state minimum wage applies and the higher result is kept: $300 flat for 40 h in 2025', () => {
    // CA: 16.50 x 40 - 300 = 360.00 (liquidated 360.00); FLSA: 7.25 x 40 - 300 = 0.
    // Five 8-hour days: with 10-hour days the salary would pay only the 32 non-overtime hours
    // under Labor Code 515(d)(2) (pay-kinds.spec.ts), which is not what this test is about.
    const w = one([week('2025-03-02', [0, 8, 8, 8, 8, 8, 0], [{ kind: 'salary', cents: 30000 }])], BOTH);
    expect(w).toMatchObject({ ruleSetId: 'US-CA', minimumWageShortfall: 36000, liquidatedDamages: 36000 });
  });

  it('a week that straddles a new minimum wage takes the higher rate: 2024-12-29 -> $16.50', () => {
    const w = one([week('2024-12-29', [0, 8, 8, 8, 8, 8, 0], [{ kind: 'salary', cents: 60000 }])], CA, {
      filingDate: date('2025-06-30'),
    });
    expect(w.minimumWageShortfall).toBe(1650 * 40 - 60000);
  });
});

describe('limitation window', () => {
  // Filing 2025-06-30: FLSA window from 2023-06-30 (2 years), 2022-06-30 if willful.
  const at = (weekStart: string) => week(weekStart, spread(50), [{ kind: 'hourly', rateCents: 1000, hours: 50 }]);

  it('a week accruing on the first day of the window is in; the day before is out, with the reason', () => {
    const r = computeBackWages(input([at('2023-06-17'), at('2023-06-24')], FLSA));
    expect(r.workers[0].weeks.map((w) => w.weekStart)).toEqual(['2023-06-24']); // ends 2023-06-30
    expect(r.excluded).toEqual([
      expect.objectContaining({ weekStart: '2023-06-17', accrued: '2023-06-23', reason: expect.stringContaining('from 2023-06-30') }),
    ]);
    expect(r.totals.unpaidWages).toBe(5000);
  });

  it('the payday, when given, is the accrual date', () => {
    const late = { ...at('2023-06-17'), payday: date('2023-06-30') };
    expect(computeBackWages(input([late], FLSA)).workers[0].weeks).toHaveLength(1);
  });

  it('willful: three years', () => {
    const records = [at('2022-06-18'), at('2022-06-25')]; // end 2022-06-24 (out), 2022-07-01 (in)
    const r = computeBackWages(input(records, FLSA, { willful: true }));
    expect(r.workers[0].weeks.map((w) => w.weekStart)).toEqual(['2022-06-25']);
    expect(r.excluded.map((e) => e.weekStart)).toEqual(['2022-06-18']);
  });

  it('a week only in the state window is computed under the state rule set alone', () => {
    const w = one([at('2023-01-01')], BOTH); // FLSA window from 2023-06-30; CA from 2022-06-30
    expect(w.ruleSetId).toBe('US-CA');
    expect(w.trace.at(-1)!.formula).toContain('US-FLSA: not applicable');
  });
});

describe('input handling', () => {
  it('sorts weeks given out of order and accepts records not grouped by worker', () => {
    const r = computeBackWages(
      input([
        week('2025-03-09', spread(50), [{ kind: 'hourly', rateCents: 1000, hours: 50 }]),
        week('2025-03-02', spread(41), [{ kind: 'hourly', rateCents: 1000, hours: 41 }], 'w2'),
        week('2025-03-02', spread(45), [{ kind: 'hourly', rateCents: 1000, hours: 45 }]),
      ]),
    );
    expect(r.workers.map((w) => [w.workerId, w.weeks.map((x) => [x.weekStart, x.overtimeDue])])).toEqual([
      ['w1', [['2025-03-02', 2500], ['2025-03-09', 5000]]],
      ['w2', [['2025-03-02', 500]]],
    ]);
  });

  it.each([
    ['an unknown worker', { workers: [] }],
    ['a week listed twice', { records: [week('2025-03-02', spread(40), []), week('2025-03-02', spread(40), [])] }],
  ])('refuses %s', (_, more) => {
    expect(() => computeBackWages(input([week('2025-03-02', spread(40), [])], FLSA, more))).toThrow(ValidationError);
  });

  it.each([
    ['more than two decimals', [0, 8.333, 0, 0, 0, 0, 0]],
    ['more than 24 hours', [0, 25, 0, 0, 0, 0, 0]],
    ['six days', [8, 8, 8, 8, 8, 8]],
  ])('refuses hours with %s, naming the field', (_, hours) => {
    expect(() => computeBackWages(input([week('2025-03-02', hours, [])]))).toThrow(/w1, week 2025-03-02: hours/);
    expect(WorkweekRecordSchema.safeParse(week('2025-03-02', hours, [])).success).toBe(false);
  });

  it('the schemas accept good records and both shipped rule sets', () => {
    expect(WorkweekRecordSchema.parse(week('2025-03-02', spread(40.5), [{ kind: 'piece', cents: 50000 }]))).toBeTruthy();
    expect(RuleSetSchema.parse(FLSA_RULE_SET)).toEqual(FLSA_RULE_SET);
    expect(RuleSetSchema.parse(CALIFORNIA_RULE_SET)).toEqual(CALIFORNIA_RULE_SET);
    expect(WorkweekRecordSchema.safeParse({ ...week('2025-02-30', spread(40), []) }).success).toBe(false);
  });

  it('serialises with every trace, and a lazy trace equals the eager one', () => {
    const records = [week('2025-03-02', [8, 8, 8, 8, 8, 8, 10], [{ kind: 'piece', cents: 90000 }])];
    const eager = computeBackWages(input(records, BOTH));
    const lazy = computeBackWages(input(records, BOTH), { trace: 'lazy' });
    const json = JSON.parse(JSON.stringify(lazy));
    expect(json.workers[0].weeks[0].trace.length).toBeGreaterThan(5);
    expect(json).toEqual(JSON.parse(JSON.stringify(eager)));
  });
});
