import { z } from 'zod';
import { personal, pub } from '../classification';
import { InvestigationCommandReply } from './replies';

/* What the investigation service answers about back-wage rule sets and re-running a computation. */

const RuleSetVersion = z.object({
  version: pub(z.string()),
  effectiveFrom: pub(z.string()),
  publishedBy: personal(z.string()),
  publishedAt: pub(z.string()),
  reason: pub(z.string()),
  ruleSet: pub(z.record(z.string(), z.unknown())),
});

/** The rule-set catalog: every rule set and every version of it. */
export const RuleSetListReply = z.object({
  items: z.array(z.object({ id: pub(z.string()), versions: z.array(RuleSetVersion) })),
});
export type RuleSetListReply = z.infer<typeof RuleSetListReply>;

export const RuleSetPublishedReply = z.object({
  ruleSetId: pub(z.string()),
  version: pub(z.string()),
  position: pub(z.int()).describe('The version of the catalog stream after the append.'),
  replayed: pub(z.boolean()),
});
export type RuleSetPublishedReply = z.infer<typeof RuleSetPublishedReply>;

const Amounts = z.object({
  unpaidWagesCents: z.int(),
  liquidatedDamagesCents: z.int(),
  totalCents: z.int(),
});

/** A re-run's command reply with what changed, per worker and workweek (amounts, as computed). */
export const BackWagesRerunReply = InvestigationCommandReply.extend({
  diff: pub(
    z.object({
      computationId: z.uuid(),
      rerunId: z.uuid(),
      ruleSets: z.object({
        before: z.array(z.object({ id: z.string(), version: z.string() })),
        after: z.array(z.object({ id: z.string(), version: z.string() })),
      }),
      totals: z.object({ before: Amounts, after: Amounts, change: Amounts }),
      workers: z.array(
        z.object({
          workerId: z.uuid(),
          before: Amounts,
          after: Amounts,
          change: Amounts,
          weeks: z.array(
            z.object({
              weekStart: z.string(),
              before: Amounts.extend({ ruleSetId: z.string() }).nullable(),
              after: Amounts.extend({ ruleSetId: z.string() }).nullable(),
              change: Amounts,
            }),
          ),
        }),
      ),
      unchangedWorkers: z.int(),
      truncated: z.boolean(),
    }),
  ),
});
export type BackWagesRerunReply = z.infer<typeof BackWagesRerunReply>;
