/**
 * The worked examples of shared/domain/wage-rules.md, each computed by hand first (comments),
 * then by the engine.
 */
import { computeBackWages } from '../src';
import { input, week } from './fixtures';

const only = (records: Parameters<typeof input>[0]) => computeBackWages(input(records)).workers[0];

describe('wage-rules.md worked examples (FLSA)', () => {
  it('1. 29 U.S.C. 207(a)(1), 216(b); 29 CFR 778.110: $10.00 an hour for all 50 hours, straight time: overtime $50.00, liquidated $50.00, total $100.00', () => {
    // regular rate 1000 c/h; premium 0.5 x 1000 x 10 h = 5000 c.
    const w = only([week('2025-03-02', [0, 10, 10, 10, 10, 10, 0], [{ kind: 'hourly', rateCents: 1000, hours: 50 }])]);
    expect(w.weeks[0]).toMatchObject({
      regularRate: '1000',
      minimumWageShortfall: 0,
      overtimeDue: 5000,
      unpaidWages: 5000,
      liquidatedDamages: 5000,
      total: 10000,
    });
  });

  it('2. 29 U.S.C. 206(a)(1); 29 CFR 778.5, 778.107: a flat $300.00 for 60 hours: minimum wage $135.00, overtime on the minimum wage $72.50, back wages $207.50', () => {
    // regular rate 30000/60 = 500 c/h < 725: 725 x 60 - 30000 = 13500; 0.5 x 725 x 20 = 7250.
    const w = only([week('2025-03-02', [0, 10, 10, 10, 10, 10, 10], [{ kind: 'salary', cents: 30000 }])]);
    expect(w.weeks[0]).toMatchObject({
      regularRate: '725',
      minimumWageShortfall: 13500,
      overtimeDue: 7250,
      unpaidWages: 20750,
      liquidatedDamages: 20750,
      total: 41500,
    });
    const rr = w.weeks[0].trace.find((s) => s.figure === 'regularRate')!;
    expect(rr.rate).toBe('500');
    expect(w.weeks[0].trace.find((s) => s.figure === 'minimumWage')!.formula).toMatch(/below it/);
  });

  it('3. 29 CFR 778.111: piece work, $405.00 for 45 hours: regular rate $9.00, overtime premium $22.50', () => {
    // 40500 / 45 = 900 c/h; 0.5 x 900 x 5 = 2250.
    const w = only([week('2025-03-02', [0, 9, 9, 9, 9, 9, 0], [{ kind: 'piece', cents: 40500 }])]);
    expect(w.weeks[0]).toMatchObject({ regularRate: '900', minimumWageShortfall: 0, overtimeDue: 2250 });
  });

  it('4. 29 CFR 778.104: weeks of 30 and 50 hours at $10.00 do not average: the second week owes $50.00', () => {
    const w = only([
      week('2025-03-02', [0, 6, 6, 6, 6, 6, 0], [{ kind: 'hourly', rateCents: 1000, hours: 30 }]),
      week('2025-03-09', [0, 10, 10, 10, 10, 10, 0], [{ kind: 'hourly', rateCents: 1000, hours: 50 }]),
    ]);
    expect(w.weeks.map((x) => x.overtimeDue)).toEqual([0, 5000]);
    expect(w.totals.unpaidWages).toBe(5000);
  });
});
