import { z } from 'zod';
import { personal, pub } from '../classification';
import { phone, text, uuid } from '../fields';

/*
 * Streams of the partners service (docs/architecture.md#partners):
 *   partner-<partnerId>      registry entry, point people, meetings
 *   agreement-<agreementId>  MOU / letter of arrangement / data sharing / grant, clause versions
 *   referral-<caseId>        one referral, its workers' consent and every disclosure made from it
 *   outreach-<outreachId>    Labor Rights Week, clinics, trainings
 *
 * A referral's id IS the case id intake opens the complaint under: the referral stream is one of
 * the case's streams (like complaint-<caseId>), so a complaint, investigation or collection event
 * names its referral without any lookup, and consent and disclosures live beside each other in one
 * stream (a disclosure appends with the expected version, so it can never race a revocation).
 */
export const PARTNER_CATEGORY = 'partner';
export const AGREEMENT_CATEGORY = 'agreement';
export const REFERRAL_CATEGORY = 'referral';
export const OUTREACH_CATEGORY = 'outreach';

export const partnerStreamId = (partnerId: string) => `${PARTNER_CATEGORY}-${partnerId}`;
export const agreementStreamId = (agreementId: string) => `${AGREEMENT_CATEGORY}-${agreementId}`;
export const referralStreamId = (referralId: string) => `${REFERRAL_CATEGORY}-${referralId}`;
export const outreachStreamId = (outreachId: string) => `${OUTREACH_CATEGORY}-${outreachId}`;

export const PARTNER_TYPES = [
  'worker_center',
  'legal_aid',
  'union',
  'consulate',
  'community_org',
  'government_agency',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const AGREEMENT_TYPES = ['mou', 'letter_of_arrangement', 'data_sharing', 'grant'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const AGREEMENT_SCOPES = ['outreach', 'referrals'] as const;
export type AgreementScope = (typeof AGREEMENT_SCOPES)[number];

/** How much of a referred case the agency may tell the partner, at most (the worker's consent narrows it). */
export const SHARING_LEVELS = ['none', 'status', 'status_and_outcome', 'full_with_consent'] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];

/** What one worker allows the agency to tell the referring partner. */
export const CONSENT_SCOPES = ['status', 'outcome'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Snake-case industry names (the targeted high-violation list, or others). */
export const industryName = () =>
  z.string().regex(/^[a-z][a-z_]{1,40}$/, 'expected a snake_case industry name like car_washes');

export const languageList = () =>
  z
    .array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag like "es"'))
    .max(50);

/** A point person at the partner organization: a private individual's work contact. */
export const ContactSchema = z.strictObject({
  contactId: pub(uuid()),
  name: personal(text(200)),
  role: pub(text(120)).optional(),
  email: personal(z.email()).optional(),
  phone: personal(phone()).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Versioned consent scopes; an empty list is a revocation. */
export const consentScopes = () =>
  z
    .array(z.enum(CONSENT_SCOPES))
    .max(CONSENT_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, { message: 'a scope is listed twice' });
