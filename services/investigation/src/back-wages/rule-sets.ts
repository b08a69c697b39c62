import { CALIFORNIA_RULE_SET, FLSA_RULE_SET, type RuleSet } from '@lse/wage-rules';

/**
 * The rule sets computations may name, by id. They are data from `@lse/wage-rules`; an agency adds
 * its jurisdiction there (a new RuleSet object) and lists it here.
 */
export const RULE_SETS: ReadonlyMap<string, RuleSet> = new Map(
  [FLSA_RULE_SET, CALIFORNIA_RULE_SET].map((rs) => [rs.id, rs]),
);
