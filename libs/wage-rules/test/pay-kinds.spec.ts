/**
 * Salary kinds and the regular rate (issue 17 items 1, 2 and 5), each computed by hand first.
 */
import {
  CALIFORNIA_RULE_SET,
  computeBackWages,
  FLSA_RULE_SET,
  WorkweekRecordSchema,
  type WorkweekResult,
} from '../src';
import { input, spread, week } from './fixtures';

const one = (records: Parameters<typeof input>[0], ruleSets = [FLSA_RULE_SET]): WorkweekResult =>
  computeBackWages(input(records, ruleSets)).workers[0].weeks[0];
const step = (w: WorkweekResult, figure: string) => w.trace.find((s) => s.figure === figure)!;

describe('salary for a fixed number of hours (29 CFR 778.113)', () => {
  it('29 CFR 778.113: $600 for 40 fixed hours, 50 worked -> regular rate $15.00, 10 h x $22.50 = $225.00', () => {
    // The salary pays 40 hours: rate 60000 / 40 = 1500 c/h; the 10 hours over 40 were not paid
    // at all, so each is owed at 1.5 x 1500 = 2250 c: 22500 c. Minimum wage: 7.25 x 40 < 600.
    const w = one([
      week('2025-03-02', spread(50), [{ kind: 'salary_fixed_hours', cents: 60000, hours: 40 }]),
    ]);
    expect(w).toMatchObject({
      regularRate: '1500',
      minimumWageShortfall: 0,
      overtimeDue: 22500,
      liquidatedDamages: 22500,
    });
    expect(step(w, 'regularRate').formula).toContain('salary $600.00 for 40.00 fixed hours');
    expect(step(w, 'regularRate').formula).toContain('29 CFR 778.113');
    expect(step(w, 'regularRate').formula).not.toContain('778.114');
  });

  it('29 CFR 778.113: $600 for 35 fixed hours, 45 worked -> rate $17.1429, 5 overtime hours x 1.5 = $128.57', () => {
    // 60000 / 35 = 12000/7 c/h; overtime hours (over 40) unpaid: 5 x 1.5 x 12000/7 = 12857.14 -> 12857.
    const w = one([
      week('2025-03-02', spread(45), [{ kind: 'salary_fixed_hours', cents: 60000, hours: 35 }]),
    ]);
    expect(w).toMatchObject({ regularRate: '12000/7', overtimeDue: 12857 });
  });

  it('29 CFR 778.114: the fluctuating workweek stays distinct: $600 salary for 50 h -> $12.00, half time 10 h = $60.00', () => {
    const w = one([week('2025-03-02', spread(50), [{ kind: 'salary', cents: 60000 }])]);
    expect(w).toMatchObject({ regularRate: '1200', overtimeDue: 6000 });
    expect(step(w, 'regularRate').formula).toContain('fluctuating workweek');
    expect(step(w, 'regularRate').formula).toContain('29 CFR 778.114');
  });

  it('the upload schema accepts the fixed-hours salary and refuses it without hours', () => {
    const ok = week('2025-03-02', spread(40), [{ kind: 'salary_fixed_hours', cents: 60000, hours: 40 }]);
    expect(WorkweekRecordSchema.safeParse(ok).success).toBe(true);
    expect(
      WorkweekRecordSchema.safeParse({ ...ok, pay: [{ kind: 'salary_fixed_hours', cents: 60000 }] }).success,
    ).toBe(false);
  });
});

describe('California salaried non-exempt workers (Labor Code 515(d))', () => {
  it('Labor Code 515(d): $800 weekly salary, five 10-hour days -> regular rate $800/40 = $20.00, 10 overtime h x $30 = $300.00', () => {
    // 515(d)(1): regular rate = 1/40 of the weekly salary = 2000 c/h (not 80000 / 50 = 1600);
    // 515(d)(2): the salary pays only the non-overtime hours, so the 10 daily overtime hours
    // (2 a day over 8) are owed in full at 1.5 x 2000 = 3000 c: 30000 c. 16.50 x 40 < 800.
    const w = one(
      [week('2025-03-02', [0, 10, 10, 10, 10, 10, 0], [{ kind: 'salary', cents: 80000 }])],
      [CALIFORNIA_RULE_SET],
    );
    expect(w).toMatchObject({
      ruleSetId: 'US-CA',
      regularRate: '2000',
      minimumWageShortfall: 0,
      overtimeDue: 30000,
    });
    expect(step(w, 'regularRate').formula).toContain('Labor Code 515(d)');
  });

  it('Labor Code 515(d): the same week under FLSA alone keeps the fluctuating workweek ($16.00, half time = $80.00)', () => {
    const w = one([week('2025-03-02', [0, 10, 10, 10, 10, 10, 0], [{ kind: 'salary', cents: 80000 }])]);
    expect(w).toMatchObject({ regularRate: '1600', overtimeDue: 8000 });
  });
});

describe('an hourly line at 1.5x another rate for exactly the overtime hours (29 CFR 778.115 vs 778.202)', () => {
  it('29 CFR 778.115 / 778.202: $20 x 40 h + $30 x 10 h is read as two jobs, with a warning on the trace', () => {
    // Two rates (778.115): weighted rate (800 + 300) / 50 = 2200 c/h; premium 0.5 x 2200 x 10 = 11000.
    const w = one([
      week('2025-03-02', spread(50), [
        { kind: 'hourly', rateCents: 2000, hours: 40 },
        { kind: 'hourly', rateCents: 3000, hours: 10 },
      ]),
    ]);
    expect(w).toMatchObject({ regularRate: '2200', overtimeDue: 11000 });
    const warning = step(w, 'warning');
    expect(warning).toMatchObject({ ruleId: 'US-FLSA.regular_rate.two_rates' });
    expect(warning.formula).toContain('29 CFR 778.115');
    expect(warning.formula).toContain('29 CFR 778.202');
  });

  it('no warning when the higher line does not match the overtime hours', () => {
    const w = one([
      week('2025-03-02', spread(50), [
        { kind: 'hourly', rateCents: 2000, hours: 30 },
        { kind: 'hourly', rateCents: 3000, hours: 20 },
      ]),
    ]);
    expect(w.trace.some((s) => s.figure === 'warning')).toBe(false);
  });
});

describe('Labor Code 515(d) and the fixed-hours salary', () => {
  const days = [0, 10, 10, 10, 10, 10, 0];

  it('Labor Code 515(d): a full-time salary for 40 fixed hours in California takes 1/40 too ($800 -> $20.00, $300.00)', () => {
    const w = one(
      [week('2025-03-02', days, [{ kind: 'salary_fixed_hours', cents: 80000, hours: 40 }])],
      [CALIFORNIA_RULE_SET],
    );
    expect(w).toMatchObject({ regularRate: '2000', overtimeDue: 30000 });
  });

  it('29 CFR 778.113 under California: a part-time salary for 30 fixed hours keeps salary / its hours ($600 -> $20.00)', () => {
    // Rate 60000 / 30 = 2000 c/h; it pays 30 hours, so of the 20 unpaid hours the 10 daily
    // overtime hours are owed in full: 10 x 1.5 x 2000 = 30000. Minimum wage on the other 40
    // hours: 16.50 x 40 - 600 = 60.00.
    const w = one(
      [week('2025-03-02', days, [{ kind: 'salary_fixed_hours', cents: 60000, hours: 30 }])],
      [CALIFORNIA_RULE_SET],
    );
    expect(w).toMatchObject({ regularRate: '2000', overtimeDue: 30000, minimumWageShortfall: 6000 });
    expect(step(w, 'regularRate').formula).toContain('salary $600.00 for 30.00 fixed hours');
  });
});
