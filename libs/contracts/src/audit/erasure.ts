import { z } from 'zod';
import { personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, text, uuid } from '../fields';
import { RECORDS_CATEGORY } from './parts';

/*
 * Erasing a person (docs/architecture.md#erasing-a-person): the data subject's key is destroyed,
 * so every value sealed under it reads `[erased]` (or a pseudonym) wherever the event is kept.
 * The record of the erasure is `PersonErased` on `records-<erasureId>`: the subject's kind and
 * key id, never the person's id (which would say whom the erased values were about).
 */

/** Whose data an erasure is about: the data subjects issue 22 erases. */
export const ERASURE_SUBJECT_KINDS = ['worker', 'complainant'] as const;
export type ErasureSubjectKind = (typeof ERASURE_SUBJECT_KINDS)[number];

/**
 * What an erasure record may name: a person, or a case's own key (its narratives and staff ids,
 * `case:<caseId>`), which only the retention review's erase step destroys.
 */
export const ERASED_SUBJECT_KINDS = [...ERASURE_SUBJECT_KINDS, 'case'] as const;
export type ErasedSubjectKind = (typeof ERASED_SUBJECT_KINDS)[number];

/** Why a person is erased. */
export const ERASURE_BASES = [
  // The person asked (a privacy law's right to erasure, an agency's own privacy policy).
  'data_subject_request',
  // A court or another authority ordered it.
  'court_order',
  // The records schedule's period ran (the retention review's erase step).
  'retention_schedule',
  // Collected in error (the wrong person, a record that should never have been kept).
  'collected_in_error',
] as const;
export type ErasureBasis = (typeof ERASURE_BASES)[number];

/**
 * A data subject erased: its key (`keyId`) was destroyed after this was recorded. `caseIds` are
 * every case the key sealed a value in (an erasure covers them all: one key per subject). The
 * reason is free text that may name the person: personal, so sealed under this stream's own key.
 */
export const PersonErased = defineEvent({
  type: 'PersonErased',
  category: RECORDS_CATEGORY,
  version: 1,
  schema: z.strictObject({
    erasureId: pub(uuid()),
    subjectKind: pub(z.enum(ERASED_SUBJECT_KINDS)),
    keyId: pub(uuid()),
    caseIds: pub(z.array(uuid()).max(10_000)),
    basis: pub(z.enum(ERASURE_BASES)),
    reason: personal(text(2000)),
    // The retention review whose erase step it was (basis `retention_schedule`).
    reviewId: pub(uuid()).optional(),
    erasedAt: pub(instant()),
  }),
});
export type PersonErased = z.infer<typeof PersonErased.schema>;

export type ErasureEvent = { type: 'PersonErased'; data: PersonErased };

/**
 * NATS core subject every service's keyring cache listens on: a key was destroyed, drop the
 * cached keys now rather than within their TTL (at most once: a service not connected at that
 * instant stops opening within `LSE_KEY_CACHE_TTL_MS`).
 */
export const KEYRING_FORGET_SUBJECT = 'keyring.forget';

/** The forget subject of one keyring (an event store's schema: a test run's stays its own). */
export const keyringForgetSubject = (eventStoreSchema: string): string =>
  `${KEYRING_FORGET_SUBJECT}.${eventStoreSchema}`;

export const ERASURE_PATTERNS = {
  erasePerson: 'audit.erasePerson',
  erasure: 'audit.erasure',
} as const;

/** POST /erasures: the person's id travels in the body only, never in a URL or a log. */
export const ErasePersonInput = z.strictObject({
  subject: z.strictObject({
    kind: z.enum(ERASURE_SUBJECT_KINDS),
    id: z.uuid().describe("The worker's or complainant's id as the case records hold it."),
  }),
  cases: z
    .union([z.literal('all'), z.array(z.uuid()).min(1).max(1000)])
    .describe(
      'The cases the person is erased from: `all`, or a list that must name every case the person appears in (one key per person: erasing destroys it for every case).',
    ),
  basis: z.enum(ERASURE_BASES),
  reason: text(2000),
});
export type ErasePersonInput = z.infer<typeof ErasePersonInput>;

export const ErasureQuery = z.strictObject({ erasureId: z.uuid() });

/** What an erasure record shows: no personal data (the reason is not repeated). */
export const ErasureReply = z.object({
  erasureId: pub(z.uuid()),
  subjectKind: pub(z.enum(ERASED_SUBJECT_KINDS)),
  keyId: pub(z.uuid()),
  caseIds: pub(z.array(z.uuid())),
  basis: pub(z.enum(ERASURE_BASES)),
  reviewId: pub(z.uuid()).optional(),
  erasedAt: pub(z.string()),
  erasedBy: personal(z.string()).describe(
    'The actor who erased (staff id, or service:audit for the retention review).',
  ),
  keyDestroyed: pub(z.boolean()).describe(
    'Whether the key is destroyed now (it is, once the command answered).',
  ),
  alreadyErased: pub(z.boolean()).describe(
    'True when the person was erased before: nothing new was recorded.',
  ),
});
export type ErasureReply = z.infer<typeof ErasureReply>;
