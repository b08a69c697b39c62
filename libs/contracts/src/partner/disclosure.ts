import { z } from 'zod';
import { personal, pub } from '../classification';
import { defineEvent } from '../registry';
import { centsAmount, instant, isoDate, uuid } from '../fields';
import { consentScopes, REFERRAL_CATEGORY, SHARING_LEVELS } from './parts';

/** The points in a referred case's life at which the partner may be told something. */
export const MILESTONES = [
  'case_opened',
  'investigation_opened',
  'determination_issued',
  'investigation_closed',
  'case_closed',
] as const;
export type Milestone = (typeof MILESTONES)[number];

export const DETERMINATION_OUTCOMES = ['violations_found', 'no_violations_found'] as const;

/**
 * Every field a disclosure can carry. Which ones go out is decided by the disclosure matrix
 * (`@lse/partners-domain`, DISCLOSURE_MATRIX) from the agreement's sharing level and each
 * worker's current consent; this schema only says what each field is.
 */
export const DisclosedFieldsSchema = z.strictObject({
  stage: pub(z.enum(['intake', 'investigation', 'determination', 'collection', 'closed'])).optional(),
  status: pub(z.enum(MILESTONES)).optional(),
  occurredOn: pub(isoDate()).optional(),
  caseNumber: pub(z.string().regex(/^LSE-\d{4}-\d{6}$/)).optional(),
  determinationOutcome: pub(z.enum(DETERMINATION_OUTCOMES)).optional(),
  closureReason: pub(z.string().regex(/^[a-z][a-z_]{0,60}$/)).optional(),
  // Amounts owed to or paid to the referred workers: their finances.
  backWagesAssessedCents: personal(centsAmount()).optional(),
  civilPenaltiesCents: personal(centsAmount()).optional(),
  amountCollectedCents: personal(centsAmount()).optional(),
});
export type DisclosedFields = z.infer<typeof DisclosedFieldsSchema>;
export type DisclosedField = keyof DisclosedFields;
export const DISCLOSABLE_FIELDS = Object.keys(DisclosedFieldsSchema.shape) as DisclosedField[];

const fieldName = () => z.enum(DISCLOSABLE_FIELDS as [DisclosedField, ...DisclosedField[]]);

/** The consent of one worker that a decision relied on, at its version. */
export const ConsentRelied = z.strictObject({
  workerId: personal(uuid()),
  version: pub(z.int().min(1)),
  scopes: personal(consentScopes()),
});

/**
 * The disclosure ledger: exactly the fields sent to the partner, under which agreement and
 * clause version, and the consent (per worker, with its version) that allowed them.
 */
export const StatusSharedWithPartner = defineEvent({
  type: 'StatusSharedWithPartner',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({
    partnerId: pub(uuid()),
    milestone: pub(z.enum(MILESTONES)),
    fields: DisclosedFieldsSchema.refine((f) => Object.keys(f).length > 0, { message: 'nothing to share' }),
    /** Facts of the milestone the matrix kept back (names only). */
    withheldFields: pub(z.array(fieldName())),
    agreementId: pub(uuid()),
    clauseVersion: pub(z.int().min(1)),
    sharingLevel: pub(z.enum(SHARING_LEVELS)),
    consents: z.array(ConsentRelied).min(1),
    sharedAt: pub(instant()),
  }),
});
export type StatusSharedWithPartner = z.infer<typeof StatusSharedWithPartner.schema>;

export const WITHHOLDING_REASONS = [
  'no_active_agreement',
  'agreement_excludes_referrals',
  'sharing_level_none',
  'consent_revoked',
  'consent_does_not_cover',
] as const;
export type WithholdingReason = (typeof WITHHOLDING_REASONS)[number];

/**
 * A milestone of which nothing went out, and why: the partner liaison can answer "why did we not
 * hear anything?" from the ledger. The partner itself never sees these.
 */
export const DisclosureWithheld = defineEvent({
  type: 'DisclosureWithheld',
  category: REFERRAL_CATEGORY,
  version: 1,
  schema: z.strictObject({
    partnerId: pub(uuid()),
    milestone: pub(z.enum(MILESTONES)),
    reason: pub(z.enum(WITHHOLDING_REASONS)),
    withheldFields: pub(z.array(fieldName())),
    agreementId: pub(uuid()).optional(),
    clauseVersion: pub(z.int().min(1)).optional(),
    sharingLevel: pub(z.enum(SHARING_LEVELS)).optional(),
    consents: z.array(ConsentRelied),
    decidedAt: pub(instant()),
  }),
});
export type DisclosureWithheld = z.infer<typeof DisclosureWithheld.schema>;
