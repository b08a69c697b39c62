import { z } from 'zod';
import { personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { centsAmount, isoDate, text } from '../fields';
import { FOIA_CATEGORY } from './parts';

/*
 * A request's life after receipt: acknowledgment, clarification, fees, the final response (a
 * release in installments, a denial, "no records", a referral) and the appeal. Decision texts
 * (a waiver's or a denial's reason, an appeal decision's) are what the requester is sent: final
 * decisions, not pre-decisional deliberation, so public; what the requester writes is personal.
 */

/** Jurisdictions whose public-records law has time limits on record (the audit domain's clock rules). */
export const FOIA_CLOCK_JURISDICTIONS = ['federal', 'california'] as const;

/** The acknowledgment with the request's tracking number (5 U.S.C. § 552(a)(7)(A)). */
export const FoiaRequestAcknowledged = defineEvent({
  type: 'FoiaRequestAcknowledged',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    trackingNumber: pub(text(40)),
    acknowledgedOn: pub(isoDate()),
  }),
});
export type FoiaRequestAcknowledged = z.infer<typeof FoiaRequestAcknowledged.schema>;

/** What the agency asked the requester to clarify; the clock is tolled with it (FoiaClockTolled). */
export const FoiaClarificationRequested = defineEvent({
  type: 'FoiaClarificationRequested',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    // Quotes or restates the request, which may name people: personal, like the description.
    question: personal(text(5000)),
    askedOn: pub(isoDate()),
  }),
});
export type FoiaClarificationRequested = z.infer<typeof FoiaClarificationRequested.schema>;

/** The requester's answer; the clock resumes with it (FoiaClockResumed). */
export const FoiaClarificationReceived = defineEvent({
  type: 'FoiaClarificationReceived',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    answer: personal(text(5000)),
    receivedOn: pub(isoDate()),
  }),
});
export type FoiaClarificationReceived = z.infer<typeof FoiaClarificationReceived.schema>;

/** Fee categories of 5 U.S.C. § 552(a)(4)(A)(ii)(I)-(III). */
export const FOIA_FEE_CATEGORIES = ['commercial', 'educational', 'news_media', 'other'] as const;
export type FoiaFeeCategory = (typeof FOIA_FEE_CATEGORIES)[number];

export const FoiaFeeEstimated = defineEvent({
  type: 'FoiaFeeEstimated',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    category: pub(z.enum(FOIA_FEE_CATEGORIES)),
    amountCents: pub(centsAmount()),
    // The provision that allows the fee ("5 U.S.C. § 552(a)(4)(A)(ii)(II)", "Cal. Gov. Code § 7922.530(a)").
    source: pub(text(120)),
    estimatedOn: pub(isoDate()),
  }),
});
export type FoiaFeeEstimated = z.infer<typeof FoiaFeeEstimated.schema>;

export const FoiaFeeWaiverDecided = defineEvent({
  type: 'FoiaFeeWaiverDecided',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    granted: pub(z.boolean()),
    reason: pub(text(2000)),
    // The public-interest test applied (5 U.S.C. § 552(a)(4)(A)(iii)).
    standard: pub(text(120)),
    decidedOn: pub(isoDate()),
  }),
});
export type FoiaFeeWaiverDecided = z.infer<typeof FoiaFeeWaiverDecided.schema>;

export const FOIA_PAYMENT_METHODS = ['check', 'money_order', 'card', 'electronic_transfer'] as const;

export const FoiaFeePaid = defineEvent({
  type: 'FoiaFeePaid',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    amountCents: pub(z.int().positive()),
    method: pub(z.enum(FOIA_PAYMENT_METHODS)),
    paidOn: pub(isoDate()),
  }),
});
export type FoiaFeePaid = z.infer<typeof FoiaFeePaid.schema>;

/** The request withheld in full, each exemption cited from the jurisdiction's catalog. */
export const FoiaRequestDenied = defineEvent({
  type: 'FoiaRequestDenied',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    exemptions: pub(z.array(z.string().min(1).max(40)).min(1).max(20)),
    reason: pub(text(2000)),
    respondedOn: pub(isoDate()),
  }),
});
export type FoiaRequestDenied = z.infer<typeof FoiaRequestDenied.schema>;

/** A reasonable search found no responsive records (an adverse determination: it can be appealed). */
export const FoiaNoRecordsFound = defineEvent({
  type: 'FoiaNoRecordsFound',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    // Where and how the agency searched.
    search: pub(text(2000)),
    respondedOn: pub(isoDate()),
  }),
});
export type FoiaNoRecordsFound = z.infer<typeof FoiaNoRecordsFound.schema>;

/** The records are another agency's: the request is sent on to it (28 CFR § 16.4(d)(3)). */
export const FoiaRequestReferred = defineEvent({
  type: 'FoiaRequestReferred',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    agency: pub(text(200)),
    reason: pub(text(2000)),
    respondedOn: pub(isoDate()),
  }),
});
export type FoiaRequestReferred = z.infer<typeof FoiaRequestReferred.schema>;

export const FoiaAppealReceived = defineEvent({
  type: 'FoiaAppealReceived',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    // The requester's grounds, in their words.
    grounds: personal(text(5000)),
    receivedOn: pub(isoDate()),
    // The last day for the decision and the provision that sets it.
    dueOn: pub(isoDate()),
    source: pub(text(120)),
  }),
});
export type FoiaAppealReceived = z.infer<typeof FoiaAppealReceived.schema>;

export const FOIA_APPEAL_OUTCOMES = ['upheld', 'reversed', 'partly_reversed', 'remanded'] as const;
export type FoiaAppealOutcome = (typeof FOIA_APPEAL_OUTCOMES)[number];

/**
 * The appeal decided. Reversed, partly reversed or remanded, the request is processed again
 * (`reprocessing`) until a new final response: no statute sets a time for that, so the due date
 * recorded is the agency's policy (the usual response period from the decision), with that said
 * in `reprocessSource`. Upheld, it closes the request (the requester may go to court, 5 U.S.C.
 * § 552(a)(4)(B)) and carries no due date. Decisions recorded before reprocessing existed have
 * none either, and left their request closed.
 */
export const FoiaAppealDecided = defineEvent({
  type: 'FoiaAppealDecided',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    outcome: pub(z.enum(FOIA_APPEAL_OUTCOMES)),
    reason: pub(text(2000)),
    decidedOn: pub(isoDate()),
    reprocessDueOn: pub(isoDate()).optional(),
    reprocessSource: pub(text(200)).optional(),
  }),
});
export type FoiaAppealDecided = z.infer<typeof FoiaAppealDecided.schema>;

/** The events of a request's life after receipt, for the decider's event union. */
export type FoiaLifecycleEvent =
  | { type: 'FoiaRequestAcknowledged'; data: FoiaRequestAcknowledged }
  | { type: 'FoiaClarificationRequested'; data: FoiaClarificationRequested }
  | { type: 'FoiaClarificationReceived'; data: FoiaClarificationReceived }
  | { type: 'FoiaFeeEstimated'; data: FoiaFeeEstimated }
  | { type: 'FoiaFeeWaiverDecided'; data: FoiaFeeWaiverDecided }
  | { type: 'FoiaFeePaid'; data: FoiaFeePaid }
  | { type: 'FoiaRequestDenied'; data: FoiaRequestDenied }
  | { type: 'FoiaNoRecordsFound'; data: FoiaNoRecordsFound }
  | { type: 'FoiaRequestReferred'; data: FoiaRequestReferred }
  | { type: 'FoiaAppealReceived'; data: FoiaAppealReceived }
  | { type: 'FoiaAppealDecided'; data: FoiaAppealDecided };

export const FOIA_LIFECYCLE_EVENTS = {
  FoiaRequestAcknowledged,
  FoiaClarificationRequested,
  FoiaClarificationReceived,
  FoiaFeeEstimated,
  FoiaFeeWaiverDecided,
  FoiaFeePaid,
  FoiaRequestDenied,
  FoiaNoRecordsFound,
  FoiaRequestReferred,
  FoiaAppealReceived,
  FoiaAppealDecided,
} as const;
