import { z } from 'zod';
import { pub } from '../classification';
import { pageReply } from '../replies';
import {
  LegalHoldLifted,
  LegalHoldPlaced,
  RETENTION_RECORD_TYPES,
  RetentionReviewCompleted,
} from './records-management';

/* What audit answers about legal holds and retention (docs/architecture.md#records-management). */

/** One hold on a case, as placed, and its lifting once lifted. */
export const LegalHoldReply = z.object({
  ...LegalHoldPlaced.schema.shape,
  status: pub(z.enum(['held', 'lifted'])),
  lifted: LegalHoldLifted.schema.omit({ holdId: true }).optional(),
});
export type LegalHoldReply = z.infer<typeof LegalHoldReply>;

/** A case's holds; `held` is what the erase command asks: is anything of the case held? */
export const LegalHoldsReply = z.object({
  caseId: pub(z.uuid()),
  version: pub(z.int()).describe("The case's records stream version; the next If-Match."),
  held: pub(z.boolean()),
  holds: z.array(LegalHoldReply),
});
export type LegalHoldsReply = z.infer<typeof LegalHoldsReply>;

/** A hold placed or lifted. */
export const LegalHoldCommandReply = z.object({
  caseId: pub(z.uuid()),
  holdId: pub(z.uuid()),
  version: pub(z.int()).describe("The case's records stream version after the command; the next If-Match."),
});
export type LegalHoldCommandReply = z.infer<typeof LegalHoldCommandReply>;

/** A retention review's report, as recorded (RetentionReviewCompleted), with its place in the stream. */
export const RetentionReportReply = z.object({
  ...RetentionReviewCompleted.schema.shape,
  version: pub(z.int()).describe(
    "The report's version in the retention stream (what a list's cursor holds).",
  ),
});
export type RetentionReportReply = z.infer<typeof RetentionReportReply>;
export const RetentionReportPageReply = pageReply(RetentionReportReply);

/** A record past its retention period as of today: due for its disposition, or held. */
export const RetentionDueItemReply = z.object({
  recordType: pub(z.enum(RETENTION_RECORD_TYPES)),
  recordId: pub(z.uuid()),
  caseId: pub(z.uuid()).optional().describe('Absent for a FOIA request (its record is the request).'),
  closedOn: pub(z.string()),
  dueOn: pub(z.string()),
  schedule: pub(
    z.object({
      version: z.string(),
      recordType: z.enum(RETENTION_RECORD_TYPES),
      retainYears: z.int(),
      disposition: z.string(),
      authority: z.string(),
    }),
  ),
  status: pub(z.enum(['due', 'held'])),
  holds: z
    .array(LegalHoldPlaced.schema.pick({ holdId: true, matterId: true, placedAt: true }))
    .describe('The holds in effect (empty unless held).'),
});
export type RetentionDueItemReply = z.infer<typeof RetentionDueItemReply>;
export const RetentionDuePageReply = pageReply(RetentionDueItemReply);
