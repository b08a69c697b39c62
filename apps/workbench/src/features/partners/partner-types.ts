import type { paths } from '../../api/schema';

/*
 * The partners service's answers as the screens read them. The OpenAPI document types only their
 * ids (`[key: string]: unknown` for the rest), so the shapes are written out here from what the
 * service returns (services/partners/src/messages, read-models/queries.ts).
 */

export type PartnerType = NonNullable<
  NonNullable<paths['/api/v1/partners']['get']['parameters']['query']>['type']
>;
export const PARTNER_TYPES: readonly PartnerType[] = [
  'worker_center',
  'legal_aid',
  'union',
  'consulate',
  'community_org',
  'government_agency',
  'other',
];
export type AgreementStatus = NonNullable<
  NonNullable<paths['/api/v1/agreements']['get']['parameters']['query']>['status']
>;
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ['drafted', 'active', 'expired', 'terminated'];
export type ReferralStatus = NonNullable<
  NonNullable<paths['/api/v1/referrals']['get']['parameters']['query']>['status']
>;
export const REFERRAL_STATUSES: readonly ReferralStatus[] = ['submitted', 'accepted', 'declined', 'closed'];
export type DraftAgreementBody =
  paths['/api/v1/agreements']['post']['requestBody']['content']['application/json'];
export type SharingLevel = DraftAgreementBody['sharingLevel'];
export const SHARING_LEVELS: readonly SharingLevel[] = [
  'none',
  'status',
  'status_and_outcome',
  'full_with_consent',
];
export type AgreementType = DraftAgreementBody['type'];
export const AGREEMENT_TYPES: readonly AgreementType[] = [
  'mou',
  'letter_of_arrangement',
  'data_sharing',
  'grant',
];
export type AgreementScope = DraftAgreementBody['scope'][number];
export const AGREEMENT_SCOPES: readonly AgreementScope[] = ['outreach', 'referrals'];
export type Clause = DraftAgreementBody['clauses'][number];
export type ConsentScope = 'status' | 'outcome';
export const CONSENT_SCOPES: readonly ConsentScope[] = ['status', 'outcome'];
export type MeetingBody =
  paths['/api/v1/partners/{id}/meetings']['post']['requestBody']['content']['application/json'];
export const MEETING_KINDS: readonly MeetingBody['kind'][] = [
  'relationship',
  'case_coordination',
  'training',
  'policy',
  'other',
];

export interface Contact {
  contactId: string;
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface PartnerEntry {
  id: string;
  name: string;
  type: PartnerType;
  languages: string[];
  industries: string[];
  region: string;
  office: string;
  active: boolean;
  contacts: Contact[];
  needsPointPeople: boolean;
  meetings: number;
  version: number;
}

/** GET /partners/{id}: the same facts from the partner's stream, with its status. */
export interface PartnerView extends Omit<PartnerEntry, 'active'> {
  status: 'active' | 'deactivated';
  registeredAt: string;
}

export interface Meeting {
  id: string;
  heldOn: string;
  kind: MeetingBody['kind'];
  agencyAttendees: number;
  partnerAttendees: number;
  topics: string[];
}

export interface AgreementEntry {
  id: string;
  type: AgreementType;
  title: string;
  partnerIds: string[];
  scope: AgreementScope[];
  sharingLevel: SharingLevel;
  status: AgreementStatus;
  effectiveOn: string;
  expiresOn: string;
  fundedAmountCents: number | null;
  clauseVersion: number;
  version: number;
}

export interface AgreementView extends Omit<AgreementEntry, 'fundedAmountCents'> {
  agencyParty: string;
  fundedAmountCents?: number;
  clauses: Clause[];
  signedOn?: string;
  inForce: boolean;
}

export interface ReferralEntry {
  id: string;
  partnerId: string;
  status: ReferralStatus;
  employerName: string;
  workerCount: number;
  declineReason: string | null;
  /** How many of its workers consent to each scope, and to nothing: counts, never names. */
  consent: { status: number; outcome: number; none: number };
  submittedAt: string;
  decidedAt: string | null;
}

export interface WorkerConsent {
  workerId: string;
  version: number;
  scopes: ConsentScope[];
}

export type DisclosedFields = Partial<{
  stage: string;
  status: string;
  occurredOn: string;
  caseNumber: string;
  determinationOutcome: string;
  closureReason: string;
  backWagesAssessedCents: number;
  civilPenaltiesCents: number;
  amountCollectedCents: number;
}>;

/**
 * One ledger entry. A partner user gets the shared ones only, and of those only what was sent
 * (fields, milestone, agreement and clause version); the liaison also gets the withholdings,
 * their reasons, the sharing level and the consent versions relied on.
 */
export interface Disclosure {
  id: string;
  referralId?: string;
  partnerId?: string;
  kind?: 'shared' | 'withheld';
  milestone: string;
  fields?: DisclosedFields;
  withheldFields?: string[];
  reason?: string | null;
  agreementId?: string | null;
  clauseVersion?: number | null;
  sharingLevel?: string | null;
  consents?: WorkerConsent[];
  at?: string;
  sharedAt?: string;
  decidedAt?: string;
}

export interface ReferralView {
  id: string;
  version: number;
  status: ReferralStatus;
  partnerId?: string;
  declineReason?: string;
  consents: WorkerConsent[];
  disclosures: Disclosure[];
}
