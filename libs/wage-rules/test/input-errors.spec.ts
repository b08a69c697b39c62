/** Wrong input is a named error, never a silent wrong answer (issue 17 item 4). */
import type { RuleSet } from '../src';
import { BackWageInputError, computeBackWages, FLSA_RULE_SET } from '../src';
import { date, input, spread, week } from './fixtures';

const paid = [{ kind: 'hourly' as const, rateCents: 1000, hours: 50 }];

function refusal(run: () => unknown): BackWageInputError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(BackWageInputError);
    return err as BackWageInputError;
  }
  throw new Error('expected a BackWageInputError');
}

describe('named input errors', () => {
  it('a malformed filing date is refused (29 U.S.C. 255(a) counts back from it)', () => {
    for (const filingDate of ['2025-13-45', '30/06/2025', '']) {
      const e = refusal(() =>
        computeBackWages(
          input([week('2025-03-02', spread(50), paid)], [FLSA_RULE_SET], { filingDate: date(filingDate) }),
        ),
      );
      expect(e).toMatchObject({
        code: 'validation',
        problem: 'malformed_filing_date',
        details: { field: 'filingDate' },
      });
    }
  });

  it('two workweeks of one worker that overlap are refused (29 CFR 778.105: a fixed, recurring workweek)', () => {
    // 2025-03-02 is a Sunday, 2025-03-05 a Wednesday: the second week repeats days of the first.
    const e = refusal(() =>
      computeBackWages(input([week('2025-03-02', spread(50), paid), week('2025-03-05', spread(50), paid)])),
    );
    expect(e).toMatchObject({
      problem: 'overlapping_workweeks',
      details: { workerId: 'w1', weekStart: '2025-03-05', overlaps: '2025-03-02' },
    });
  });

  it("a week that does not start on the employer's workweek start day is refused (29 CFR 778.105)", () => {
    const e = refusal(() =>
      computeBackWages(
        input([week('2025-03-03', spread(50), paid)], [FLSA_RULE_SET], { workweekStart: 'sunday' }),
      ),
    );
    expect(e).toMatchObject({
      problem: 'workweek_start_mismatch',
      details: { weekStart: '2025-03-03', workweekStart: 'sunday' },
    });
    // On the right day it computes.
    const ok = computeBackWages(
      input([week('2025-03-02', spread(50), paid)], [FLSA_RULE_SET], { workweekStart: 'sunday' }),
    );
    expect(ok.totals.unpaidWages).toBe(5000);
  });

  it('an unknown or malformed rule set is a named error, not a TypeError', () => {
    const missing = refusal(() =>
      computeBackWages(input([week('2025-03-02', spread(50), paid)], [undefined as unknown as RuleSet])),
    );
    expect(missing).toMatchObject({ problem: 'unknown_rule_set', details: { field: 'ruleSets[0]' } });
    const broken = { ...FLSA_RULE_SET, minimumWage: undefined } as unknown as RuleSet;
    const malformed = refusal(() =>
      computeBackWages(input([week('2025-03-02', spread(50), paid)], [broken])),
    );
    expect(malformed).toMatchObject({ problem: 'malformed_rule_set' });
  });
});
