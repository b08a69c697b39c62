import { z } from 'zod';
import { pub } from '../classification';
import { FoiaResponseReleased } from './foia';
import {
  FoiaAppealDecided,
  FoiaAppealReceived,
  FoiaClarificationReceived,
  FoiaClarificationRequested,
  FoiaFeeEstimated,
  FoiaFeePaid,
  FoiaFeeWaiverDecided,
  FoiaNoRecordsFound,
  FoiaRequestAcknowledged,
  FoiaRequestDenied,
  FoiaRequestReferred,
} from './foia-lifecycle';

/**
 * A request's status: open (`received`, installments may have been released), answered by the
 * final release (`released`) or another final response (`responded`: denied, no records,
 * referred), under appeal (`appealed`), closed once the appeal is upheld (`appeal_decided`), and
 * open again once it is reversed, partly reversed or remanded (`reprocessing`) until a new final
 * response.
 */
export const FOIA_STATUSES = [
  'received',
  'released',
  'responded',
  'appealed',
  'appeal_decided',
  'reprocessing',
] as const;
export type FoiaStatusName = (typeof FOIA_STATUSES)[number];

/** The final response; the appeal window counts from `respondedOn`. */
export const FoiaResponseReply = z.object({
  kind: pub(z.enum(['released', 'denied', 'no_records', 'referred'])),
  respondedOn: pub(z.string()),
  appealClosesOn: pub(z.string())
    .optional()
    .describe('The last day an appeal is received; absent where the law has no administrative appeal.'),
  denial: FoiaRequestDenied.schema.optional(),
  noRecords: FoiaNoRecordsFound.schema.optional(),
  referral: FoiaRequestReferred.schema.optional(),
});

/** What happened to a request besides its packages and clock, as the request view shows it. */
export const FoiaLifecycleReply = z.object({
  acknowledgment: FoiaRequestAcknowledged.schema.optional(),
  clarifications: z.array(
    FoiaClarificationRequested.schema.extend({ answer: FoiaClarificationReceived.schema.optional() }),
  ),
  fee: z
    .object({
      estimate: FoiaFeeEstimated.schema,
      waiver: FoiaFeeWaiverDecided.schema.optional(),
      payments: z.array(FoiaFeePaid.schema),
      paidCents: pub(z.int()),
      owedCents: pub(z.int()).describe('Still owed: 0 once paid or waived; a release waits until it is 0.'),
    })
    .optional(),
  releases: z
    .array(FoiaResponseReleased.schema)
    .describe(
      'Every release, numbered by `installment`; a `final` one closed the request (again, after reprocessing).',
    ),
  appeals: z
    .array(
      z.object({
        response: FoiaResponseReply.omit({ appealClosesOn: true }),
        appeal: FoiaAppealReceived.schema,
        decision: FoiaAppealDecided.schema,
      }),
    )
    .optional()
    .describe('Appeals that sent the request back to be processed again, with the response each appealed.'),
});

/** The list's view of a request's life: tracking number, fee owed, releases, appeal due date. */
export const FoiaLifecycleItemFields = {
  trackingNumber: pub(z.string()).optional(),
  feeOwedCents: pub(z.int()).optional().describe('Absent when no fee was estimated.'),
  releases: pub(z.int()),
  appealDueOn: pub(z.string()).optional().describe("The last day for a pending appeal's decision."),
};

/** The request view's appeal: pending or decided, and what the decision did to the request. */
export const FoiaAppealViewFields = {
  appeal: FoiaAppealReceived.schema.optional().describe('The appeal, with the last day for its decision.'),
  appealDecision: FoiaAppealDecided.schema.optional(),
  judicialReview: pub(z.string())
    .optional()
    .describe(
      "Once the appeal is upheld: the provision under which the requester may go to court, the request's next step.",
    ),
  reopened: z
    .object({
      appeal: FoiaAppealReceived.schema,
      decision: FoiaAppealDecided.schema,
      dueOn: pub(z.string()),
      source: pub(z.string()).describe(
        'Agency policy: no statute sets a time for processing a request again.',
      ),
    })
    .optional()
    .describe(
      'While `reprocessing`: the appeal decision that sent the request back, and the due date it set.',
    ),
};
