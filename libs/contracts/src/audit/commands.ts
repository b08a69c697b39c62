import { z } from 'zod';
import { instant, text, uuid } from '../fields';
import { AccessedResourceSchema } from './access';
import { FOIA_EXTENSION_CIRCUMSTANCES, FOIA_TOLLING_REASONS, FoiaRequesterSchema } from './foia';
import { foiaRecordList, NAMES_SOMETHING } from './records';
import { FOIA_JURISDICTIONS, FOIA_LIFECYCLE_PATTERNS } from './foia-lifecycle-inputs';
import { FOIA_STATUSES } from './foia-lifecycle-replies';

/*
 * Requests and queries of the audit service over NATS request/reply (`audit.<verb>`). Command
 * inputs are not stored as such, so they carry no classification.
 */
export const AUDIT_PATTERNS = {
  recordAccess: 'audit.recordAccess',
  caseHistory: 'audit.caseHistory',
  caseAccess: 'audit.caseAccess',
  caseState: 'audit.caseState',
  verify: 'audit.verify',
  latestCheckpoint: 'audit.latestCheckpoint',
  takeCheckpoint: 'audit.takeCheckpoint',
  receiveFoiaRequest: 'audit.receiveFoiaRequest',
  getFoiaRequest: 'audit.getFoiaRequest',
  listFoiaRequests: 'audit.listFoiaRequests',
  compileFoia: 'audit.compileFoia',
  overrideRedaction: 'audit.overrideRedaction',
  releaseFoia: 'audit.releaseFoia',
  extendFoiaDeadline: 'audit.extendFoiaDeadline',
  tollFoiaClock: 'audit.tollFoiaClock',
  resumeFoiaClock: 'audit.resumeFoiaClock',
  releasedPackage: 'audit.releasedPackage',
  ...FOIA_LIFECYCLE_PATTERNS,
} as const;

export const RecordAccessInput = z.strictObject({
  /** Chosen by the gateway per read: a retried request records once. */
  accessId: uuid(),
  resource: AccessedResourceSchema,
  caseId: uuid().optional(),
  /** The record read within the resource (`:workerId`, a partner's `:id`), when the route names one. */
  subjectId: uuid().optional(),
  operation: text(300),
});
export type RecordAccessInput = z.infer<typeof RecordAccessInput>;

export const CaseHistoryQuery = z.strictObject({
  caseId: uuid(),
  /** Global position after which to list (the cursor). */
  after: z.int().nonnegative().optional(),
  limit: z.int().min(1).max(1000),
});

/** The reads of a case's records (its `access-<caseId>` stream), after a stream version. */
export const CaseAccessQuery = z.strictObject({
  caseId: uuid(),
  /** Stream version after which to list (the cursor). */
  after: z.int().nonnegative().optional(),
  limit: z.int().min(1).max(1000),
});

export const CaseStateQuery = z.strictObject({ caseId: uuid(), asOf: instant().optional() });

export const VerifyQuery = z.strictObject({ caseId: uuid().optional() });

export const ReceiveFoiaRequestInput = z
  .strictObject({
    requester: FoiaRequesterSchema,
    description: text(5000),
    caseIds: z.array(uuid()).max(100).default([]),
    records: foiaRecordList()
      .optional()
      .describe(
        "Records besides cases: an agreement by id, every agreement of a partner organization, a partner's referral statistics or its disclosure ledger for a period.",
      ),
    // Only a jurisdiction with an exemption catalog and time limits (FOIA_JURISDICTIONS).
    jurisdiction: z.enum(FOIA_JURISDICTIONS).default('federal'),
  })
  .refine(NAMES_SOMETHING.check, { message: NAMES_SOMETHING.message, path: ['caseIds'] });
export type ReceiveFoiaRequestInput = z.infer<typeof ReceiveFoiaRequestInput>;

export const CompileFoiaInput = z.strictObject({ cutoff: instant() });
/** `final: false` releases an installment and keeps the request open; the final release closes it. */
export const ReleaseFoiaInput = CompileFoiaInput.extend({ final: z.boolean().default(true) });

export const OverrideRedactionInput = z.strictObject({
  caseId: uuid(),
  eventId: uuid(),
  path: text(500),
  justification: text(5000),
});
export type OverrideRedactionInput = z.infer<typeof OverrideRedactionInput>;

/** The one extension the law allows: days in its count (the law's most when absent) and why. */
export const ExtendFoiaDeadlineInput = z.strictObject({
  days: z.int().min(1).max(30).optional(),
  circumstance: z.enum(FOIA_EXTENSION_CIRCUMSTANCES),
});
export type ExtendFoiaDeadlineInput = z.infer<typeof ExtendFoiaDeadlineInput>;

export const TollFoiaClockInput = z.strictObject({ reason: z.enum(FOIA_TOLLING_REASONS) });
export type TollFoiaClockInput = z.infer<typeof TollFoiaClockInput>;

export const ResumeFoiaClockInput = z.strictObject({});

export const ListFoiaRequestsQuery = z.strictObject({
  status: z.enum(FOIA_STATUSES).optional(),
  limit: z.int().min(1).max(1000),
  after: z.strictObject({ at: z.string().min(1).max(64), requestId: uuid() }).optional(),
});

export const FoiaRequestIdParams = z.strictObject({ requestId: uuid() });
