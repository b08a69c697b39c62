/**
 * FLSA and a state rule set together (issue 17 item 3): each workweek awards the larger back
 * wages, plus the liquidated damages each law provides on its own part, never twice for the same
 * unpaid dollars. Computed by hand first.
 */
import { CALIFORNIA_RULE_SET, computeBackWages, FLSA_RULE_SET, type WorkweekResult } from '../src';
import { input, week } from './fixtures';

const BOTH = [FLSA_RULE_SET, CALIFORNIA_RULE_SET];
const one = (records: Parameters<typeof input>[0]): WorkweekResult =>
  computeBackWages(input(records, BOTH)).workers[0].weeks[0];

describe('two laws: the larger back wages, the damages of each law on its own part', () => {
  it('29 U.S.C. 216(b) and Labor Code 1194.2: $10 x 50 h in California 2025 -> back wages $407.50, damages $325.00 + $50.00', () => {
    // FLSA: rate $10.00, overtime 10 h x $5.00 = $50.00; damages (216(b)) $50.00.
    // CA: rate floored to $16.50: minimum wage 16.50 x 50 - 500 = $325.00; daily overtime 10 h x
    // $8.25 = $82.50; back wages $407.50 (the larger: awarded); damages (1194.2) $325.00 on
    // minimum wages only. The FLSA part ($50.00 overtime) keeps its own damages: $50.00.
    // Minimum-wage damages are the larger of the two laws' ($0 vs $325.00), not their sum.
    const w = one([
      week('2025-03-02', [0, 10, 10, 10, 10, 10, 0], [{ kind: 'hourly', rateCents: 1000, hours: 50 }]),
    ]);
    expect(w).toMatchObject({
      ruleSetId: 'US-CA',
      minimumWageShortfall: 32500,
      overtimeDue: 8250,
      unpaidWages: 40750,
      liquidatedDamages: 37500,
      total: 78250,
    });
    const awarded = w.trace.find((s) => s.figure === 'ruleSetChosen')!;
    expect(awarded.formula).toContain('US-FLSA 2009-07-24: back wages $50.00');
    expect(awarded.formula).toContain('US-CA 2026-01-01: back wages $407.50');
    const damages = w.trace.filter((s) => s.figure === 'liquidatedDamages').at(-1)!;
    expect(damages.ruleId).toBe('liquidated_damages.combined');
    expect(damages.formula).toContain('overtime $50.00 (US-FLSA)');
    expect(damages.formula).toContain('minimum wages $325.00 (US-CA)');
    expect(damages.amount).toBe(37500);
    // Both computations are on the trace, each with its own figures.
    expect(w.trace.filter((s) => s.figure === 'unpaidWages').map((s) => [s.ruleId, s.amount])).toEqual([
      ['US-FLSA.back_wages', 5000],
      ['US-CA.back_wages', 40750],
    ]);
  });

  it('29 U.S.C. 216(b) and Labor Code 1194.2: no double recovery: $5 x 40 h -> minimum-wage damages $460.00, not $90.00 + $460.00', () => {
    // FLSA shortfall 7.25 x 40 - 200 = $90.00; CA 16.50 x 40 - 200 = $460.00, which includes
    // the federal $90.00: one equal amount for those dollars, not two.
    const w = one([
      week('2025-03-02', [0, 8, 8, 8, 8, 8, 0], [{ kind: 'hourly', rateCents: 500, hours: 40 }]),
    ]);
    expect(w).toMatchObject({
      ruleSetId: 'US-CA',
      unpaidWages: 46000,
      liquidatedDamages: 46000,
      total: 92000,
    });
  });

  it('totals add up the awarded weeks', () => {
    const r = computeBackWages(
      input(
        [
          week('2025-03-02', [0, 10, 10, 10, 10, 10, 0], [{ kind: 'hourly', rateCents: 1000, hours: 50 }]),
          week('2025-03-09', [0, 8, 8, 8, 8, 8, 0], [{ kind: 'hourly', rateCents: 500, hours: 40 }]),
        ],
        BOTH,
      ),
    );
    expect(r.totals).toMatchObject({ unpaidWages: 86750, liquidatedDamages: 83500, total: 170250 });
  });
});
