import { z } from 'zod';
import { isoDate, text, uuid } from '../fields';
import { RETENTION_RECORD_TYPES } from './records-management';

/*
 * Records management over NATS request/reply (`audit.<verb>`): legal holds and the retention
 * review. Command inputs are not stored as such, so they carry no classification.
 */
export const RECORDS_PATTERNS = {
  placeLegalHold: 'audit.placeLegalHold',
  liftLegalHold: 'audit.liftLegalHold',
  legalHolds: 'audit.legalHolds',
  runRetentionReview: 'audit.runRetentionReview',
  latestRetentionReport: 'audit.latestRetentionReport',
  listRetentionReports: 'audit.listRetentionReports',
  retentionDue: 'audit.retentionDue',
} as const;

export const PlaceLegalHoldInput = z.strictObject({
  matterId: text(200).describe(
    "The matter's own reference (docket or counsel's file number); one hold per matter.",
  ),
  reason: text(2000),
  orderedBy: text(200).describe('Who ordered the hold (counsel, the court), as the order names them.'),
});
export type PlaceLegalHoldInput = z.infer<typeof PlaceLegalHoldInput>;

export const LiftLegalHoldInput = z.strictObject({ reason: text(2000) });
export type LiftLegalHoldInput = z.infer<typeof LiftLegalHoldInput>;

export const LegalHoldsQuery = z.strictObject({ caseId: uuid() });

/** A review runs as of today (the service's clock): never as of a date to come. */
export const RunRetentionReviewInput = z.strictObject({});

/** Reports newest first; `before` is a report's stream version (the cursor). */
export const ListRetentionReportsQuery = z.strictObject({
  before: z.int().positive().optional(),
  limit: z.int().min(1).max(1000),
});

/** The position of a record in the due list: by due date, then type and id. */
export const RetentionDuePosition = z.strictObject({
  dueOn: isoDate(),
  recordType: z.enum(RETENTION_RECORD_TYPES),
  recordId: uuid(),
});
export type RetentionDuePosition = z.infer<typeof RetentionDuePosition>;

export const RetentionDueQuery = z.strictObject({
  after: RetentionDuePosition.optional(),
  limit: z.int().min(1).max(1000),
});
