import { z } from 'zod';
import { text } from '../fields';
import { EXEMPTION_CATALOGS } from '../exemptions';
import {
  FOIA_APPEAL_OUTCOMES,
  FOIA_CLOCK_JURISDICTIONS,
  FOIA_FEE_CATEGORIES,
  FOIA_PAYMENT_METHODS,
} from './foia-lifecycle';

/*
 * Requests of a FOIA request's life after receipt (`audit.<verb>`, each with `{requestId, input,
 * expectedVersion?}`). Command inputs are not stored as such, so they carry no classification.
 */
export const FOIA_LIFECYCLE_PATTERNS = {
  acknowledgeFoiaRequest: 'audit.acknowledgeFoiaRequest',
  requestFoiaClarification: 'audit.requestFoiaClarification',
  receiveFoiaClarification: 'audit.receiveFoiaClarification',
  estimateFoiaFee: 'audit.estimateFoiaFee',
  decideFoiaFeeWaiver: 'audit.decideFoiaFeeWaiver',
  recordFoiaPayment: 'audit.recordFoiaPayment',
  denyFoiaRequest: 'audit.denyFoiaRequest',
  respondNoFoiaRecords: 'audit.respondNoFoiaRecords',
  referFoiaRequest: 'audit.referFoiaRequest',
  receiveFoiaAppeal: 'audit.receiveFoiaAppeal',
  decideFoiaAppeal: 'audit.decideFoiaAppeal',
} as const;

/**
 * The jurisdictions a request may name: a law with an exemption catalog (compiling redacts under
 * it) AND time limits on record (its clock runs from receipt). Federal by default.
 */
export const FOIA_JURISDICTIONS = Object.keys(EXEMPTION_CATALOGS).filter((j) =>
  (FOIA_CLOCK_JURISDICTIONS as readonly string[]).includes(j),
) as [string, ...string[]];

/** The tracking number is the request's own short number (FOIA-<year>-<first 8 of its id>). */
export const AcknowledgeFoiaRequestInput = z.strictObject({});
export const RequestFoiaClarificationInput = z.strictObject({ question: text(5000) });
export type RequestFoiaClarificationInput = z.infer<typeof RequestFoiaClarificationInput>;
export const ReceiveFoiaClarificationInput = z.strictObject({ answer: text(5000) });
export type ReceiveFoiaClarificationInput = z.infer<typeof ReceiveFoiaClarificationInput>;

export const EstimateFoiaFeeInput = z.strictObject({
  category: z.enum(FOIA_FEE_CATEGORIES),
  /** Integer cents. */
  amountCents: z.int().nonnegative().max(100_000_000),
});
export type EstimateFoiaFeeInput = z.infer<typeof EstimateFoiaFeeInput>;

export const DecideFoiaFeeWaiverInput = z.strictObject({ granted: z.boolean(), reason: text(2000) });
export type DecideFoiaFeeWaiverInput = z.infer<typeof DecideFoiaFeeWaiverInput>;

export const RecordFoiaPaymentInput = z.strictObject({
  amountCents: z.int().positive().max(100_000_000),
  method: z.enum(FOIA_PAYMENT_METHODS),
});
export type RecordFoiaPaymentInput = z.infer<typeof RecordFoiaPaymentInput>;

export const DenyFoiaRequestInput = z.strictObject({
  /** Codes of the request's jurisdiction's exemption catalog ("(b)(6)"). */
  exemptions: z.array(z.string().min(1).max(40)).min(1).max(20),
  reason: text(2000),
});
export type DenyFoiaRequestInput = z.infer<typeof DenyFoiaRequestInput>;

export const RespondNoFoiaRecordsInput = z.strictObject({ search: text(2000) });
export type RespondNoFoiaRecordsInput = z.infer<typeof RespondNoFoiaRecordsInput>;

export const ReferFoiaRequestInput = z.strictObject({ agency: text(200), reason: text(2000) });
export type ReferFoiaRequestInput = z.infer<typeof ReferFoiaRequestInput>;

export const ReceiveFoiaAppealInput = z.strictObject({ grounds: text(5000) });
export type ReceiveFoiaAppealInput = z.infer<typeof ReceiveFoiaAppealInput>;

export const DecideFoiaAppealInput = z.strictObject({
  outcome: z.enum(FOIA_APPEAL_OUTCOMES),
  reason: text(2000),
});
export type DecideFoiaAppealInput = z.infer<typeof DecideFoiaAppealInput>;
