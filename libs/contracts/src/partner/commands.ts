import { z } from 'zod';
import { instant, isoDate, officeCode, phone, text, uuid } from '../fields';
import { AllegationSchema, EmployerSchema } from '../complaint/parts';
import { AgreementDrafted, AgreementAmended, ClauseSchema } from './agreement';
import { PartnerMeetingLogged, PartnerRegistered } from './partner';
import { OutreachEventHeld } from './outreach';
import { ReferralSubmitted, ReferredWorkerSchema } from './referral';
import { AGREEMENT_TYPES, consentScopes, PARTNER_TYPES } from './parts';

/*
 * Commands and queries of the partners service, as the gateway sends them over NATS
 * request/reply. Inputs are not stored as such (the events are, classified), so they carry no
 * classification.
 */

/** NATS request/reply patterns served by `services/partners` (queue group `partners`). */
export const PARTNERS_PATTERNS = {
  register: 'partners.register',
  addContact: 'partners.addContact',
  removeContact: 'partners.removeContact',
  deactivate: 'partners.deactivate',
  logMeeting: 'partners.logMeeting',
  getPartner: 'partners.getPartner',
  listPartners: 'partners.listPartners',
  listMeetings: 'partners.listMeetings',
  draftAgreement: 'partners.draftAgreement',
  signAgreement: 'partners.signAgreement',
  amendAgreement: 'partners.amendAgreement',
  renewAgreement: 'partners.renewAgreement',
  terminateAgreement: 'partners.terminateAgreement',
  getAgreement: 'partners.getAgreement',
  listAgreements: 'partners.listAgreements',
  checkExpiries: 'partners.checkExpiries',
  submitReferral: 'partners.submitReferral',
  changeConsent: 'partners.changeConsent',
  getReferral: 'partners.getReferral',
  listReferrals: 'partners.listReferrals',
  listDisclosures: 'partners.listDisclosures',
  holdOutreach: 'partners.holdOutreach',
  listOutreach: 'partners.listOutreach',
} as const;
export type PartnersPattern = (typeof PARTNERS_PATTERNS)[keyof typeof PARTNERS_PATTERNS];

export const ContactInput = z.strictObject({
  name: text(200),
  role: text(120).optional(),
  email: z.email().optional(),
  phone: phone().optional(),
});
export type ContactInput = z.infer<typeof ContactInput>;

/** POST /partners: the registry entry and, usually, its first point people. */
export const RegisterPartnerInput = z.strictObject({
  ...PartnerRegistered.schema.shape,
  registeredAt: isoDate().optional(),
  contacts: z.array(ContactInput).max(20).optional(),
});
export type RegisterPartnerInput = z.infer<typeof RegisterPartnerInput>;

export const RemoveContactInput = z.strictObject({ reason: text(500).optional() });
export const DeactivatePartnerInput = z.strictObject({
  reason: text(2000),
  deactivatedOn: isoDate().optional(),
});
export const LogMeetingInput = PartnerMeetingLogged.schema.omit({ meetingId: true });
export type LogMeetingInput = z.infer<typeof LogMeetingInput>;

export const DraftAgreementInput = z
  .strictObject({
    type: z.enum(AGREEMENT_TYPES),
    title: text(300),
    partnerIds: z.array(uuid()).min(1).max(20),
    agencyParty: text(200),
    scope: AgreementDrafted.schema.shape.scope,
    sharingLevel: AgreementDrafted.schema.shape.sharingLevel,
    fundedAmountCents: z.int().nonnegative().optional(),
    effectiveOn: isoDate(),
    expiresOn: isoDate(),
    clauses: z.array(ClauseSchema).min(1).max(200),
  })
  .refine((d) => d.expiresOn > d.effectiveOn, {
    message: 'expiresOn must be after effectiveOn',
    path: ['expiresOn'],
  });
export type DraftAgreementInput = z.infer<typeof DraftAgreementInput>;

export const SignAgreementInput = z.strictObject({
  signedOn: isoDate().optional(),
  signatories: z.array(text(200)).min(1).max(20),
});
export const AmendAgreementInput = z.strictObject({
  amendedOn: isoDate().optional(),
  changes: AgreementAmended.schema.shape.changes,
  summary: text(2000),
});
export const RenewAgreementInput = z.strictObject({ renewedOn: isoDate().optional(), expiresOn: isoDate() });
export const TerminateAgreementInput = z.strictObject({
  terminatedOn: isoDate().optional(),
  reason: text(2000),
});

/** A referred worker as the partner files it: the id is assigned when absent. */
export const ReferredWorkerInput = z.strictObject({
  ...ReferredWorkerSchema.shape,
  workerId: uuid().optional(),
});

/** POST /referrals, by a partner user: the partner is the token's organization. */
export const SubmitReferralInput = z.strictObject({
  office: officeCode(),
  workers: z.array(ReferredWorkerInput).min(1).max(100),
  employer: EmployerSchema,
  allegations: z.array(AllegationSchema).min(1).max(50),
  prepWork: ReferralSubmitted.schema.shape.prepWork.optional(),
  documents: ReferralSubmitted.schema.shape.documents.optional(),
  agreementId: uuid()
    .optional()
    .describe('An agreement the referring partner is a party to (any other, or an unknown id, is a 400).'),
});
export type SubmitReferralInput = z.infer<typeof SubmitReferralInput>;

/** A worker's consent from now on: wider is a grant, narrower a narrowing, [] a revocation. */
export const ChangeConsentInput = z.strictObject({ workerId: uuid(), scopes: consentScopes() });
export type ChangeConsentInput = z.infer<typeof ChangeConsentInput>;

export const HoldOutreachInput = OutreachEventHeld.schema;

export const partnersCreateRequest = <S extends z.ZodType>(input: S) => z.strictObject({ input });
export const partnersGetRequest = z.strictObject({ id: uuid() });

/** Keyset position of the partners lists: (time, id), opaque to clients inside the cursor. */
export const PartnersListPosition = z.strictObject({ at: z.string().min(1).max(64), id: uuid() });
export type PartnersListPosition = z.infer<typeof PartnersListPosition>;

/** Query-string booleans, kept as text so the gateway and the service parse the same input. */
const bool = () => z.enum(['true', 'false']);

export const ListPartnersQuery = z.strictObject({
  type: z.enum(PARTNER_TYPES).optional(),
  /** Partners with fewer than two point people. */
  needsPointPeople: bool().optional(),
  active: bool().optional(),
});
export const ListAgreementsQuery = z.strictObject({
  partnerId: uuid().optional(),
  status: z.enum(['drafted', 'active', 'expired', 'terminated']).optional(),
  /** Active agreements whose expiry date falls within this many days from today. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export const ListReferralsQuery = z.strictObject({
  status: z.enum(['submitted', 'accepted', 'declined', 'closed']).optional(),
  partnerId: uuid().optional(),
});
export const ListDisclosuresQuery = z.strictObject({
  referralId: uuid().optional(),
  partnerId: uuid().optional(),
  kind: z.enum(['shared', 'withheld']).optional(),
});
export const ListOutreachQuery = z.strictObject({
  partnerId: uuid().optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
});
export const ListMeetingsQuery = z.strictObject({ partnerId: uuid() });

/** `limit` rows after `after` in list order. */
export const partnersListRequest = <S extends z.ZodType>(filters: S) =>
  z.strictObject({ filters, limit: z.int().min(1).max(1000), after: PartnersListPosition.optional() });

/** For the expiry check run by an operator (or a test) instead of waiting for the schedule. */
export const CheckExpiriesInput = z.strictObject({ asOf: instant().optional() });
