import { z } from 'zod';
import { pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, isoDate, text, uuid } from '../fields';
import { ruleSetId, RuleSetRefSchema, staffId } from './parts';

/**
 * Back-wage rule sets as versioned data (docs/architecture.md#rules-are-data): publishing a
 * version is an event on one stream, `wage_rules-catalog`, so every version is kept, with its
 * effective date, who published it and why, and a computation can always be recomputed under the
 * version it used.
 * The investigation service appends it (supervisors and admins) and reads the whole catalog.
 */
export const WAGE_RULES_CATEGORY = 'wage_rules';
export const WAGE_RULES_STREAM = `${WAGE_RULES_CATEGORY}-catalog`;

/** A rule set's data (the `RuleSet` of `@lse/wage-rules`, checked by its `RuleSetSchema`): public law. */
export const RuleSetDataSchema = pub(z.record(z.string(), z.unknown()));

export const RuleSetVersionPublished = defineEvent({
  type: 'RuleSetVersionPublished',
  category: WAGE_RULES_CATEGORY,
  version: 1,
  schema: z.strictObject({
    ruleSetId: pub(ruleSetId()),
    version: pub(z.string().min(1).max(40)),
    // New computations use the version from this day on, until a later one takes effect.
    effectiveFrom: pub(isoDate()),
    publishedBy: pub(staffId()),
    publishedAt: pub(instant()),
    reason: pub(text(2000)),
    ruleSet: RuleSetDataSchema,
  }),
});
export type RuleSetVersionPublished = z.infer<typeof RuleSetVersionPublished.schema>;

export const WAGE_RULES_EVENTS = { RuleSetVersionPublished } as const;
export type WageRulesEvent = { type: 'RuleSetVersionPublished'; data: RuleSetVersionPublished };

/** Publish a new version of a rule set (its `id` and a new `version` inside `ruleSet`). */
export const PublishRuleSetVersionInput = z.strictObject({
  ruleSet: RuleSetDataSchema,
  effectiveFrom: isoDate(),
  reason: text(2000),
});
export type PublishRuleSetVersionInput = z.infer<typeof PublishRuleSetVersionInput>;

/**
 * Re-run a recorded computation (same hours, filing date, willfulness) under newer rule-set
 * versions: those named, else each rule set's version in force today. Recorded as a new
 * computation; the reply carries the per-worker, per-week differences.
 */
export const RerunBackWagesInput = z.strictObject({
  computationId: uuid(),
  ruleSetVersions: z.array(RuleSetRefSchema).min(1).max(10).optional(),
});
export type RerunBackWagesInput = z.infer<typeof RerunBackWagesInput>;
