import { z } from 'zod';
import { deliberative, personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { instant, text, uuid } from '../fields';
import { FOIA_CATEGORY, SHA256_HEX } from './parts';

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
  schema: z.strictObject({
    requester: FoiaRequesterSchema,
    // What is asked for, in the requester's words (may name people): personal.
    description: personal(text(5000)),
    caseIds: pub(z.array(uuid()).min(1).max(100)),
    // Whose public-records law applies: the exemption catalog (federal by default).
    jurisdiction: pub(z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/)),
    receivedAt: pub(instant()),
  }),
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
  }),
});
export type RecordsCompiled = z.infer<typeof RecordsCompiled.schema>;

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
  }),
});
export type FoiaResponseReleased = z.infer<typeof FoiaResponseReleased.schema>;
