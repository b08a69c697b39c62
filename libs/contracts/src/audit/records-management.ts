import { z } from 'zod';
import { deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, isoDate, text, uuid } from '../fields';
import { RECORDS_CATEGORY, RETENTION_CATEGORY } from './parts';

/*
 * Records management (docs/architecture.md#records-management): legal holds on a case and the
 * retention review. A case's `records-<caseId>` stream holds its holds and the dispositions that
 * came due, in one stream, so a disposition is decided at the version that shows every hold.
 */

/** The kinds of record a retention schedule names (services/audit/domain/src/retention/schedules.ts). */
export const RETENTION_RECORD_TYPES = [
  'complaint_without_case',
  'investigation_case',
  'collection_case',
  'foia_request',
  'partner_referral',
  'access_log',
] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** What happens when a record's retention period has run. */
export const DISPOSITIONS = ['erase_personal_data', 'keep'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** What a hold covers: the whole case (every stream of it, and its referral). */
export const LEGAL_HOLD_SCOPES = ['case'] as const;

/**
 * A legal hold: nothing of the case may be erased until it is lifted. The matter and the reason
 * are counsel's (litigation, an investigation by another body, a records request): attorney work
 * product, so deliberative; who ordered it names a person.
 */
export const LegalHoldPlaced = defineEvent({
  type: 'LegalHoldPlaced',
  category: RECORDS_CATEGORY,
  version: 1,
  schema: z.strictObject({
    holdId: pub(uuid()),
    // The matter's own reference (a docket number, counsel's file number): one hold per matter.
    matterId: deliberative(text(200)),
    reason: deliberative(text(2000)),
    orderedBy: personal(text(200)),
    scope: pub(z.enum(LEGAL_HOLD_SCOPES)),
    placedAt: pub(instant()),
  }),
});
export type LegalHoldPlaced = z.infer<typeof LegalHoldPlaced.schema>;

export const LegalHoldLifted = defineEvent({
  type: 'LegalHoldLifted',
  category: RECORDS_CATEGORY,
  version: 1,
  schema: z.strictObject({
    holdId: pub(uuid()),
    reason: deliberative(text(2000)),
    liftedAt: pub(instant()),
  }),
});
export type LegalHoldLifted = z.infer<typeof LegalHoldLifted.schema>;

/**
 * A record's retention period has run and it is under no hold: the worklist the erase command
 * (crypto-shredding, issue 22) consumes. Recorded once per record and closing.
 */
export const RetentionDispositionDue = defineEvent({
  type: 'RetentionDispositionDue',
  category: RECORDS_CATEGORY,
  version: 1,
  schema: z.strictObject({
    recordType: pub(z.enum(RETENTION_RECORD_TYPES)),
    // The case id, or the FOIA request id for a request's record.
    recordId: pub(uuid()),
    closedOn: pub(isoDate()),
    dueOn: pub(isoDate()),
    disposition: pub(z.literal('erase_personal_data')),
    scheduleVersion: pub(text(40)),
    reviewId: pub(uuid()),
  }),
});
export type RetentionDispositionDue = z.infer<typeof RetentionDispositionDue.schema>;

/** Most record ids one report lists; the counts are always complete (`listed` says how many are). */
export const RETENTION_REPORT_MAX_LISTED = 5000;

const ListedRecord = z.strictObject({ recordType: z.enum(RETENTION_RECORD_TYPES), recordId: uuid() });

/**
 * One run of the retention review as of a date: counts, and which records came due or are held.
 * Ids and record types only: no personal data.
 */
export const RetentionReviewCompleted = defineEvent({
  type: 'RetentionReviewCompleted',
  category: RETENTION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    reviewId: pub(uuid()),
    asOf: pub(isoDate()),
    scheduleVersion: pub(text(40)),
    completedAt: pub(instant()),
    counts: pub(
      z.strictObject({
        // Records past their period (due and held together).
        pastRetention: z.int().nonnegative(),
        due: z.int().nonnegative(),
        held: z.int().nonnegative(),
        // Dispositions this run recorded (a due record recorded by an earlier run is not counted).
        recorded: z.int().nonnegative(),
        failed: z.int().nonnegative(),
      }),
    ),
    due: pub(z.array(ListedRecord).max(RETENTION_REPORT_MAX_LISTED)),
    held: pub(
      z.array(ListedRecord.extend({ holdIds: z.array(uuid()).min(1) })).max(RETENTION_REPORT_MAX_LISTED),
    ),
  }),
});
export type RetentionReviewCompleted = z.infer<typeof RetentionReviewCompleted.schema>;

export type RecordsEvent =
  | { type: 'LegalHoldPlaced'; data: LegalHoldPlaced }
  | { type: 'LegalHoldLifted'; data: LegalHoldLifted }
  | { type: 'RetentionDispositionDue'; data: RetentionDispositionDue };

export type RetentionEvent = { type: 'RetentionReviewCompleted'; data: RetentionReviewCompleted };
