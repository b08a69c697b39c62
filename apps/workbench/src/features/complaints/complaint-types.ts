import type { paths } from '../../api/schema';

/** POST /api/v1/complaints: what the form sends. */
export type ReceiveComplaintBody =
  paths['/api/v1/complaints']['post']['requestBody']['content']['application/json'];
export type ComplainantBody = ReceiveComplaintBody['complainants'][number];
export type AllegationBody = ReceiveComplaintBody['allegations'][number];
export type Channel = ReceiveComplaintBody['channel'];
export type ComplainantRole = ComplainantBody['role'];
export type AllegationType = AllegationBody['type'];

/** What every complaint action answers (the new version, and the triage or limitations it computed). */
export type CommandResult =
  paths['/api/v1/complaints']['post']['responses']['201']['content']['application/json'];
export type Triage = NonNullable<CommandResult['triage']>;
export type Limitations = NonNullable<CommandResult['limitations']>;

/** GET /api/v1/employers: employers in the index that match, with their complaints and cases. */
export type EmployerMatch =
  paths['/api/v1/employers']['get']['responses']['200']['content']['application/json']['employers'][number];

export type DeclineBody =
  paths['/api/v1/complaints/{caseId}/decline']['post']['requestBody']['content']['application/json'];
export type ReferOutBody =
  paths['/api/v1/complaints/{caseId}/referral-out']['post']['requestBody']['content']['application/json'];
export type JurisdictionBody =
  paths['/api/v1/complaints/{caseId}/jurisdiction-assessment']['post']['requestBody']['content']['application/json'];
export type ResourceIntensity = NonNullable<
  paths['/api/v1/complaints/{caseId}/triage']['post']['requestBody']['content']['application/json']['resourceIntensity']
>;
export type DeclineReason = DeclineBody['reasonCode'];
export type ReceivingAgency = ReferOutBody['receivingAgency'];

export const CHANNELS: readonly Channel[] = [
  'hotline',
  'walk_in',
  'web',
  'email',
  'partner_referral',
  'consulate_referral',
  'agency_initiated',
];
/** Channels whose complaint comes from a referral and may carry its referralId. */
export const REFERRAL_CHANNELS: readonly Channel[] = ['partner_referral', 'consulate_referral'];
export const COMPLAINANT_ROLES: readonly ComplainantRole[] = ['worker', 'representative', 'anonymous'];
export const ALLEGATION_TYPES: readonly AllegationType[] = [
  'minimum_wage',
  'overtime',
  'unpaid_wages',
  'final_paycheck',
  'meal_rest_break',
  'tip_theft',
  'misclassification',
  'retaliation',
  'recordkeeping',
  'child_labor',
  'other',
];
export const DECLINE_REASONS: readonly DeclineReason[] = [
  'no_jurisdiction',
  'outside_limitations',
  'no_violation_alleged',
  'insufficient_information',
  'complainant_unreachable',
  'resolved_before_intake',
  'other',
];
export const RECEIVING_AGENCIES: readonly ReceivingAgency[] = [
  'OSHA',
  'EEOC',
  'NLRB',
  'STATE_AGENCY',
  'OTHER',
];
export const RESOURCE_INTENSITIES: readonly ResourceIntensity[] = ['low', 'medium', 'high'];

/*
 * GET /api/v1/complaints/{caseId} documents `complaint` only as an object (intake folds it from its
 * events), so its shape is written out here, as intake's state holds it
 * (services/intake/domain/src/state.ts).
 */
export interface ComplaintView {
  caseId: string;
  version: number;
  status: 'received' | 'opened' | 'declined' | 'withdrawn' | 'referred_out' | 'duplicate' | 'merged';
  complaint: Complaint;
  /** opened */
  caseNumber?: string;
  priority?: Triage['priority'];
  office?: string;
  openedAt?: string;
  /** declined */
  decline?: DeclineBody;
  /** referred_out */
  referral?: ReferOutBody;
  /** duplicate */
  duplicateOfCaseId?: string;
  /** merged */
  mergedIntoCaseId?: string;
}

export interface Complaint {
  channel: Channel;
  referralId?: string;
  receivedAt: string;
  office: string;
  complainants: (ComplainantBody & { complainantId: string })[];
  employer: ReceiveComplaintBody['employer'];
  allegations: AllegationBody[];
  intakeNotes?: string;
  jurisdiction?: JurisdictionBody;
  limitations?: Limitations;
  triage?: Triage;
  crossFilings: ReferOutBody[];
  links?: { kind: 'duplicate' | 'related' | 'merged_in'; caseId: string; reason: string }[];
}
