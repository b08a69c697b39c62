/** Rule sets as versioned data (issue 17 item 6): every version kept, each findable. */
import {
  BackWageInputError,
  CALIFORNIA_RULE_SET,
  FLSA_RULE_SET,
  RuleSetCatalog,
  type RuleSetVersion,
} from '../src';
import { date } from './fixtures';

const raised: RuleSetVersion = {
  ruleSet: {
    ...FLSA_RULE_SET,
    version: '2026-07-01',
    minimumWage: {
      ...FLSA_RULE_SET.minimumWage,
      table: [...FLSA_RULE_SET.minimumWage.table, { from: date('2026-07-01'), centsPerHour: 1000 }],
    },
  },
  effectiveFrom: date('2026-07-01'),
  publishedBy: 'sue@agency.gov',
  publishedAt: '2026-06-01T12:00:00Z',
  reason: 'A (hypothetical) raise, for the test.',
};

describe('the rule-set catalog', () => {
  it('keeps every version: the shipped ones and a published one, each found by its version', () => {
    const catalog = new RuleSetCatalog().with(raised);
    expect(catalog.ids()).toEqual(['US-CA', 'US-FLSA']);
    expect(catalog.versions('US-FLSA').map((v) => v.ruleSet.version)).toEqual(['2009-07-24', '2026-07-01']);
    expect(catalog.get('US-FLSA', '2009-07-24').ruleSet).toEqual(FLSA_RULE_SET);
    expect(catalog.get('US-CA', CALIFORNIA_RULE_SET.version).publishedBy).toBe('engine');
    expect(catalog.inForce('US-FLSA', date('2026-06-30')).ruleSet.version).toBe('2009-07-24');
    expect(catalog.inForce('US-FLSA', date('2026-07-01')).ruleSet.version).toBe('2026-07-01');
  });

  it('refuses a version id used before, and names an unknown rule set', () => {
    const catalog = new RuleSetCatalog().with(raised);
    expect(() => catalog.with({ ...raised, reason: 'again' })).toThrow(BackWageInputError);
    expect(() => catalog.inForce('US-XX', date('2026-01-01'))).toThrow(
      expect.objectContaining({ problem: 'unknown_rule_set' }),
    );
    expect(() => catalog.get('US-FLSA', '1999-01-01')).toThrow(
      expect.objectContaining({ problem: 'unknown_rule_set' }),
    );
  });
});
