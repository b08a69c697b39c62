import { z } from 'zod';
import {
  confidentialSource,
  confidentialWhen,
  deliberative,
  enforcementSensitive,
  personal,
  pub,
} from '../classification';
import { dataSubject } from '../data-subjects';
import { defineEvent } from '../registry';
import { isoDate, languageTag, phone, text, uuid } from '../fields';
import { INVESTIGATION_CATEGORY } from './parts';

export const INTERVIEWEE_ROLES = [
  'worker',
  'former_worker',
  'witness',
  'employer_representative',
  'manager',
  'other',
] as const;

/**
 * Who was interviewed. Identity is personal; when the interviewee is a confidential source,
 * `confidentialWhen` raises it to `confidential_source` ((b)(7)(D)) for that record.
 */
// An interviewee who is a worker of the records is that worker's data; any other is the case's.
export const IntervieweeSchema = dataSubject(
  'worker',
  'workerId',
  confidentialWhen(
    'confidentialSource',
    z.strictObject({
      role: pub(z.enum(INTERVIEWEE_ROLES)),
      // Links the interview to a worker of the hours records (same id as there).
      workerId: personal(uuid()).optional(),
      name: personal(text(200)).optional(),
      phone: personal(phone()).optional(),
      // Even the flag tells an employer a confidential source exists.
      confidentialSource: confidentialSource(z.boolean()),
    }),
  ),
);

export const InterviewRecorded = defineEvent({
  type: 'InterviewRecorded',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    interviewId: pub(uuid()),
    interviewee: IntervieweeSchema,
    interviewedOn: pub(isoDate()),
    // Language and interpreter needs can single out a worker (and hint at national origin).
    language: personal(languageTag()),
    interpreterUsed: personal(z.boolean()),
    // Telling that a trauma-informed protocol was needed says something about the person.
    traumaInformedProtocol: personal(z.boolean()),
    // What was said and the investigator's notes: deliberative, (b)(5).
    summary: deliberative(text(20000)),
    notes: deliberative(text(20000)).optional(),
  }),
});
export type InterviewRecorded = z.infer<typeof InterviewRecorded.schema>;

export const RECORD_TYPES = [
  'payroll',
  'timecards',
  'schedules',
  'tip_records',
  'personnel_files',
  'tax_filings',
  'contracts',
  'other',
] as const;

export const RecordsRequested = defineEvent({
  type: 'RecordsRequested',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    requestId: pub(uuid()),
    employerId: pub(uuid()),
    // What is asked for shows the scope of an open investigation: (b)(7)(A), (b)(7)(E).
    recordTypes: enforcementSensitive(z.array(z.enum(RECORD_TYPES)).min(1).max(RECORD_TYPES.length)),
    description: enforcementSensitive(text(4000)).optional(),
    requestedOn: pub(isoDate()),
    dueOn: pub(isoDate()),
  }),
});
export type RecordsRequested = z.infer<typeof RecordsRequested.schema>;

export const RecordsReceived = defineEvent({
  type: 'RecordsReceived',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    requestId: pub(uuid()),
    receivedOn: pub(isoDate()),
    complete: pub(z.boolean()),
    evidenceIds: pub(z.array(uuid()).max(100)).optional(),
    note: deliberative(text(4000)).optional(),
  }),
});
export type RecordsReceived = z.infer<typeof RecordsReceived.schema>;

export const SUBPOENA_KINDS = ['duces_tecum', 'ad_testificandum'] as const;

export const SubpoenaIssued = defineEvent({
  type: 'SubpoenaIssued',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    subpoenaId: pub(uuid()),
    kind: pub(z.enum(SUBPOENA_KINDS)),
    employerId: pub(uuid()),
    // The records request the employer did not answer, when that is why.
    requestId: pub(uuid()).optional(),
    scope: enforcementSensitive(text(4000)),
    issuedOn: pub(isoDate()),
    returnOn: pub(isoDate()),
  }),
});
export type SubpoenaIssued = z.infer<typeof SubpoenaIssued.schema>;

export const sha256Hex = () => z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest');

/** An evidence file: content in the content-addressed store, its digest computed by the server. */
export const EvidenceAttached = defineEvent({
  type: 'EvidenceAttached',
  category: INVESTIGATION_CATEGORY,
  version: 1,
  schema: z.strictObject({
    evidenceId: pub(uuid()),
    sha256: pub(sha256Hex()),
    sizeBytes: pub(z.int().nonnegative()),
    mediaType: pub(z.string().regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/, 'expected a media type')),
    // Where the store keeps it, e.g. "sha256:<hex>": names no person.
    storageRef: pub(z.string().min(1).max(300)),
    // File names often carry a worker's name ("maria-paystubs.pdf").
    fileName: personal(text(255)).optional(),
    description: deliberative(text(4000)).optional(),
  }),
});
export type EvidenceAttached = z.infer<typeof EvidenceAttached.schema>;
