import type {
  ComplaintAmended,
  ComplaintDeclined,
  ComplaintReceived,
  ComplaintReferredOut,
  ComplaintWithdrawn,
  DuplicateLinked,
  JurisdictionAssessed,
  ResourceIntensity,
} from '@lse/contracts';

/**
 * Commands the complaint decider takes. Time (`now`, an ISO instant) and every id come in with
 * the command, so decisions replay identically; nothing here reads a clock or makes an id.
 */
interface Base {
  caseId: string;
  now: string;
}

/** What the employer index knows about the same employer's earlier cases (not this one). */
export interface PriorCases {
  /** Earlier cases with violations found against the employer (a repeat violator). */
  caseNumbers: string[];
}

export type ComplaintCommand =
  | (Base & { type: 'ReceiveComplaint'; complaint: ComplaintReceived })
  | (Base & { type: 'AmendComplaint'; amendment: ComplaintAmended })
  | (Base & { type: 'AssessJurisdiction'; assessment: JurisdictionAssessed })
  | (Base & { type: 'AssessLimitations'; statute: string; willful: boolean })
  | (Base & { type: 'ScoreTriage'; priorCases: PriorCases; resourceIntensity?: ResourceIntensity })
  | (Base & { type: 'LinkDuplicate'; link: DuplicateLinked })
  | (Base & { type: 'ReferOut'; referral: ComplaintReferredOut })
  | (Base & { type: 'Decline'; decline: ComplaintDeclined })
  | (Base & { type: 'Withdraw'; withdrawal: ComplaintWithdrawn })
  | (Base & { type: 'OpenCase'; caseNumber: string; office?: string });

export type ComplaintCommandType = ComplaintCommand['type'];
