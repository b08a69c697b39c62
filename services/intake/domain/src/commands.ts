import type {
  ComplaintAmended,
  ComplaintDeclined,
  ComplaintReceived,
  ComplaintReferredOut,
  ComplaintWithdrawn,
  DuplicateLinked,
  JurisdictionAssessed,
  LinkRelatedInput,
  MergeComplaintInput,
  ResourceIntensity,
} from '@lse/contracts';
import type { Complaint, ComplaintState } from './state';

/**
 * Commands the complaint decider takes. Time (`now`, an ISO instant) and every id come in with
 * the command, so decisions replay identically; nothing here reads a clock or makes an id.
 */
interface Base {
  caseId: string;
  now: string;
}

/** The other case a link names, as intake found it when the command came in. */
export interface LinkTarget {
  caseId: string;
  status: ComplaintState['status'];
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
  | (Base & { type: 'LinkDuplicate'; link: DuplicateLinked; target: LinkTarget })
  /** The surviving case's record of a duplicate linked to it (intake's reaction to DuplicateLinked). */
  | (Base & { type: 'AttachDuplicate'; duplicateCaseId: string; reason: string })
  | (Base & { type: 'LinkRelated'; link: LinkRelatedInput; target: LinkTarget })
  /** The other case's record of a related-case link (intake's reaction to RelatedCaseLinked). */
  | (Base & { type: 'RecordRelatedLink'; relatedCaseId: string; reason: string })
  | (Base & { type: 'MergeComplaint'; merge: MergeComplaintInput; target: LinkTarget })
  /** The surviving case takes the merged complaint's complainants and allegations. */
  | (Base & { type: 'ReceiveMergedComplaint'; fromCaseId: string; reason: string; merged: Complaint })
  | (Base & { type: 'ReferOut'; referral: ComplaintReferredOut })
  | (Base & { type: 'Decline'; decline: ComplaintDeclined })
  | (Base & { type: 'Withdraw'; withdrawal: ComplaintWithdrawn })
  | (Base & { type: 'OpenCase'; caseNumber: string; office?: string });

export type ComplaintCommandType = ComplaintCommand['type'];
