import { z } from 'zod';
import { deliberative, pub } from '../classification';
import { defineEvent } from '../registry';
import { centsAmount, isoDate, text, uuid } from '../fields';
import { AGREEMENT_CATEGORY, AGREEMENT_SCOPES, AGREEMENT_TYPES, SHARING_LEVELS } from './parts';

/** One clause of an agreement's text. The agreement's clause version counts amendments. */
export const ClauseSchema = z.strictObject({
  clauseId: pub(
    z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'expected a clause id like "4.2" or "sharing"'),
  ),
  title: pub(text(200)),
  text: pub(text(10_000)),
});
export type Clause = z.infer<typeof ClauseSchema>;

const scopeList = () =>
  z
    .array(z.enum(AGREEMENT_SCOPES))
    .min(1)
    .max(AGREEMENT_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, { message: 'a scope is listed twice' });

export const AgreementDrafted = defineEvent({
  type: 'AgreementDrafted',
  category: AGREEMENT_CATEGORY,
  version: 1,
  schema: z
    .strictObject({
      type: pub(z.enum(AGREEMENT_TYPES)),
      title: pub(text(300)),
      /** The partner organizations party to it (a consulate and a worker center may sign one together). */
      partnerIds: pub(z.array(uuid()).min(1).max(20)),
      /** The agency signatory's office or unit. */
      agencyParty: pub(text(200)),
      scope: pub(scopeList()),
      sharingLevel: pub(z.enum(SHARING_LEVELS)),
      // What the agency funds (a grant): public spending.
      fundedAmountCents: pub(centsAmount()).optional(),
      effectiveOn: pub(isoDate()),
      expiresOn: pub(isoDate()),
      clauses: z.array(ClauseSchema).min(1).max(200),
    })
    .refine((d) => d.expiresOn > d.effectiveOn, {
      message: 'expiresOn must be after effectiveOn',
      path: ['expiresOn'],
    }),
});
export type AgreementDrafted = z.infer<typeof AgreementDrafted.schema>;

export const AgreementSigned = defineEvent({
  type: 'AgreementSigned',
  category: AGREEMENT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    signedOn: pub(isoDate()),
    /** Titles of the signatories (not their names): "Labor Commissioner", "Consul General". */
    signatories: pub(z.array(text(200)).min(1).max(20)),
  }),
});
export type AgreementSigned = z.infer<typeof AgreementSigned.schema>;

/**
 * A new clause version. Each part present replaces that part; `clauseVersion` is the version
 * after the amendment (drafted = 1), so a disclosure can cite the exact text that allowed it.
 */
export const AgreementAmended = defineEvent({
  type: 'AgreementAmended',
  category: AGREEMENT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    clauseVersion: pub(z.int().min(2)),
    amendedOn: pub(isoDate()),
    changes: z
      .strictObject({
        clauses: z.array(ClauseSchema).min(1).max(200).optional(),
        sharingLevel: pub(z.enum(SHARING_LEVELS)).optional(),
        scope: pub(scopeList()).optional(),
        fundedAmountCents: pub(centsAmount()).optional(),
        expiresOn: pub(isoDate()).optional(),
      })
      .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'no change given' }),
    summary: pub(text(2000)),
  }),
});
export type AgreementAmended = z.infer<typeof AgreementAmended.schema>;

/** Letters of arrangement run two or three years and are renewed rather than redrafted. */
export const AgreementRenewed = defineEvent({
  type: 'AgreementRenewed',
  category: AGREEMENT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    renewedOn: pub(isoDate()),
    previousExpiresOn: pub(isoDate()),
    expiresOn: pub(isoDate()),
  }),
});
export type AgreementRenewed = z.infer<typeof AgreementRenewed.schema>;

/** Appended by the scheduled check once the expiry date is reached, exactly once per term. */
export const AgreementExpired = defineEvent({
  type: 'AgreementExpired',
  category: AGREEMENT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    expiresOn: pub(isoDate()),
    /** The day the check noticed it (on or after expiresOn). */
    recordedOn: pub(isoDate()),
  }),
});
export type AgreementExpired = z.infer<typeof AgreementExpired.schema>;

export const AgreementTerminated = defineEvent({
  type: 'AgreementTerminated',
  category: AGREEMENT_CATEGORY,
  version: 1,
  schema: z.strictObject({
    terminatedOn: pub(isoDate()),
    reason: deliberative(text(2000)),
  }),
});
export type AgreementTerminated = z.infer<typeof AgreementTerminated.schema>;
