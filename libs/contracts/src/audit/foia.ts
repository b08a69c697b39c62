import { z } from 'zod';
import { CLASSIFICATIONS, deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, isoDate, text, uuid } from '../fields';
import { FOIA_CATEGORY, SHA256_HEX } from './parts';
import { FOIA_RECORD_SECTIONS, foiaRecordList, NAMES_SOMETHING } from './records';
import { TEXT_FINDING_KINDS, TextSpanSchema } from './text-redaction';

const sha256 = () => z.string().regex(SHA256_HEX, 'expected a SHA-256 hex digest');

/** Who asked: a member of the public (personal), possibly for an organization (e.g. a newspaper). */
export const FoiaRequesterSchema = z.strictObject({
  name: personal(text(200)),
  email: personal(z.email()).optional(),
  organization: pub(text(200)).optional(),
});

export const FoiaRequestReceived = defineEvent({
  type: 'FoiaRequestReceived',
  category: FOIA_CATEGORY,
  version: 1,
  // Version 1 still: `records` is optional and `caseIds` may be empty only beside records, so
  // every event stored before records could be named is valid as it is (no upcaster needed).
  schema: z
    .strictObject({
      requester: FoiaRequesterSchema,
      // What is asked for, in the requester's words (may name people): personal.
      description: personal(text(5000)),
      caseIds: pub(z.array(uuid()).max(100)),
      // Agreements, referral statistics, disclosure ledgers (records.ts): each classified there.
      records: foiaRecordList().optional(),
      // Whose public-records law applies: the exemption catalog (federal by default).
      jurisdiction: pub(z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/)),
      receivedAt: pub(instant()),
    })
    .refine(NAMES_SOMETHING.check, { message: NAMES_SOMETHING.message, path: ['caseIds'] }),
});
export type FoiaRequestReceived = z.infer<typeof FoiaRequestReceived.schema>;

/** A package was compiled for review: what it covered and its digest (it is reproducible). */
export const RecordsCompiled = defineEvent({
  type: 'RecordsCompiled',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    cutoff: pub(instant()),
    packageSha256: pub(sha256()),
    records: pub(z.int().nonnegative()),
    redactions: pub(z.int().nonnegative()),
    // The redaction set this compilation applied (RedactionApplied with the same digest). Absent
    // on compilations recorded before redactions were recorded as events.
    redactionLogSha256: pub(sha256()).optional(),
  }),
});
export type RecordsCompiled = z.infer<typeof RecordsCompiled.schema>;

/**
 * At most this many redactions per RedactionApplied event. A case can have thousands of withheld
 * fields (a collection case may list 100,000 workers), so one event per compilation with the whole
 * list could pass NATS's 1 MB message limit, and one event per field would be thousands of appends
 * and messages for one compile. 250 entries of `data.complainants.0.name` are 47 kB of JSON; with
 * 500-character paths of 3-byte characters 416 kB, and 791 kB even if every path character needed a
 * 6-byte JSON escape: every event fits a NATS message by its schema alone.
 */
export const REDACTIONS_PER_EVENT = 250;

/** One withheld field as the package's redaction log numbers it (its marker cites `#n`). */
export const AppliedRedactionSchema = z.strictObject({
  n: pub(z.int().positive()),
  // Absent only for a computed figure of a named record (a suppressed statistics cell): no event.
  eventId: pub(uuid()).optional(),
  // Where the field sits in the record ("data.complainants.0.name"); never its value.
  path: pub(z.string().min(1).max(500)),
  classification: pub(z.enum(CLASSIFICATIONS.filter((c) => c !== 'public') as [string, ...string[]])),
  // The codes of the jurisdiction's catalog the marker cites ("(b)(6)", "(b)(7)(C)").
  exemptions: pub(z.array(z.string().min(1).max(40)).min(1).max(10)),
  // Inside free text (path is then "<field>@<start>-<end>"): what was found and where, not the text.
  kind: pub(z.enum(TEXT_FINDING_KINDS)).optional(),
  span: pub(TextSpanSchema).optional(),
});
export type AppliedRedaction = z.infer<typeof AppliedRedactionSchema>;

/**
 * A named record other than a case that redactions belong to: its package section and id (the
 * agreement's, or the partner organization's for its statistics and disclosure ledger).
 */
export const RedactedRecordSchema = z.strictObject({
  section: pub(z.enum(FOIA_RECORD_SECTIONS)),
  id: pub(uuid()),
});
export type RedactedRecord = z.infer<typeof RedactedRecordSchema>;

/**
 * Fields of one case (or one named record) that the classification withheld from a package as of
 * a cut-off: one part of the compilation's redaction set (every part carries the set's digest,
 * `part` of `parts`). A set is recorded once per request, cut-off and digest: compiling again with
 * the same records records RecordsCompiled only, and an override (RedactionOverridden) leaves the
 * set as it is. Version 1 still: `record` was added as an alternative to `caseId`, so every event
 * stored before (all with a caseId) is valid as it is.
 */
export const RedactionApplied = defineEvent({
  type: 'RedactionApplied',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      cutoff: pub(instant()),
      // sha256 of the canonical redaction log without release flags: identifies the set.
      redactionLogSha256: pub(sha256()),
      part: pub(z.int().positive()),
      parts: pub(z.int().positive()),
      caseId: pub(uuid()).optional(),
      record: RedactedRecordSchema.optional(),
      redactions: z.array(AppliedRedactionSchema).min(1).max(REDACTIONS_PER_EVENT),
    })
    .refine((d) => (d.caseId === undefined) !== (d.record === undefined), {
      message: 'a part belongs to exactly one case (caseId) or one named record (record)',
      path: ['caseId'],
    }),
});
export type RedactionApplied = z.infer<typeof RedactionApplied.schema>;

/** A withheld field the FOIA officer decided to release, and why: a reviewable decision. */
export const RedactionOverridden = defineEvent({
  type: 'RedactionOverridden',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    caseId: pub(uuid()),
    eventId: pub(uuid()),
    // "data.employer.fein", "metadata.actor.id": where the field sits in the record.
    path: pub(text(500)),
    // The officer's reasoning before release: internal deliberation, (b)(5).
    justification: deliberative(text(5000)),
  }),
});
export type RedactionOverridden = z.infer<typeof RedactionOverridden.schema>;

export const FoiaResponseReleased = defineEvent({
  type: 'FoiaResponseReleased',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    cutoff: pub(instant()),
    packageSha256: pub(sha256()),
    htmlSha256: pub(sha256()),
    records: pub(z.int().nonnegative()),
    redactions: pub(z.int().nonnegative()),
    overrides: pub(z.int().nonnegative()),
    releasedAt: pub(instant()),
    // The redaction set of the released package (RedactionApplied with the same digest).
    redactionLogSha256: pub(sha256()).optional(),
    // Releases in installments: numbered 1, 2, ...; only the final one closes the request. Absent on
    // releases recorded before installments: those were the one, final release.
    installment: pub(z.int().positive()).optional(),
    final: pub(z.boolean()).optional(),
  }),
});
export type FoiaResponseReleased = z.infer<typeof FoiaResponseReleased.schema>;

/*
 * The request's clock. The due date on receipt follows from the jurisdiction's rule and the date
 * received (it is not recorded); these events record what moves it, each with the date it gives.
 */

/** The unusual circumstances a law accepts for an extension (5 U.S.C. § 552(a)(6)(B)(iii); Cal. Gov. Code § 7922.535(c)). */
export const FOIA_EXTENSION_CIRCUMSTANCES = [
  'field_facilities',
  'voluminous_records',
  'consultation',
  'data_compilation',
] as const;
export type FoiaExtensionCircumstance = (typeof FOIA_EXTENSION_CIRCUMSTANCES)[number];

/** Why the clock stops: the agency waits for the requester (5 U.S.C. § 552(a)(6)(A)(ii)(I), (II)). */
export const FOIA_TOLLING_REASONS = ['awaiting_clarification', 'awaiting_fee_payment'] as const;
export type FoiaTollingReason = (typeof FOIA_TOLLING_REASONS)[number];

export const FoiaDeadlineExtended = defineEvent({
  type: 'FoiaDeadlineExtended',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    days: pub(z.int().positive()),
    circumstance: pub(z.enum(FOIA_EXTENSION_CIRCUMSTANCES)),
    // The provision that allows it ("5 U.S.C. § 552(a)(6)(B)(i)").
    source: pub(text(120)),
    dueOn: pub(isoDate()),
  }),
});
export type FoiaDeadlineExtended = z.infer<typeof FoiaDeadlineExtended.schema>;

export const FoiaClockTolled = defineEvent({
  type: 'FoiaClockTolled',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    reason: pub(z.enum(FOIA_TOLLING_REASONS)),
    tolledOn: pub(isoDate()),
    // Left when it stopped, in the rule's count (business or calendar days); negative if overdue.
    daysLeft: pub(z.int()),
  }),
});
export type FoiaClockTolled = z.infer<typeof FoiaClockTolled.schema>;

export const FoiaClockResumed = defineEvent({
  type: 'FoiaClockResumed',
  category: FOIA_CATEGORY,
  version: 1,
  schema: z.strictObject({
    resumedOn: pub(isoDate()),
    daysLeft: pub(z.int()),
    dueOn: pub(isoDate()),
  }),
});
export type FoiaClockResumed = z.infer<typeof FoiaClockResumed.schema>;
