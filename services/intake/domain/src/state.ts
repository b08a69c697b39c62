import type {
  Allegation,
  Channel,
  Complainant,
  ComplaintDeclined,
  ComplaintReferredOut,
  Employer,
  JurisdictionAssessed,
  LimitationsAssessed,
  Priority,
  TriageScored,
} from '@lse/contracts';

/** What intake knows about a complaint while it is worked on. */
export interface Complaint {
  channel: Channel;
  referralId?: string;
  receivedAt: string;
  office: string;
  complainants: Complainant[];
  employer: Employer;
  allegations: Allegation[];
  intakeNotes?: string;
  jurisdiction?: JurisdictionAssessed;
  limitations?: LimitationsAssessed;
  triage?: TriageScored;
  /** Cross-filings with other agencies: the complaint stays with this agency too. */
  crossFilings: ComplaintReferredOut[];
  /** Other cases linked to this one (absent until there is one). */
  links?: CaseLink[];
}

/** A duplicate linked to this case, a related case, or a complaint merged into this one. */
export interface CaseLink {
  kind: 'duplicate' | 'related' | 'merged_in';
  caseId: string;
  reason: string;
}

/**
 * The complaint's life in intake. `received` is the only state intake works in; `opened` hands it
 * to investigation; the others are closed and accept nothing more.
 */
export type ComplaintState =
  | { status: 'none' }
  | { status: 'received'; complaint: Complaint }
  | {
      status: 'opened';
      complaint: Complaint;
      caseNumber: string;
      priority: Priority;
      office: string;
      openedAt: string;
    }
  | { status: 'declined'; complaint: Complaint; decline: ComplaintDeclined }
  | { status: 'withdrawn'; complaint: Complaint }
  | { status: 'referred_out'; complaint: Complaint; referral: ComplaintReferredOut }
  | { status: 'duplicate'; complaint: Complaint; duplicateOfCaseId: string }
  | { status: 'merged'; complaint: Complaint; mergedIntoCaseId: string };

export type ClosedState = Extract<
  ComplaintState,
  { status: 'declined' | 'withdrawn' | 'referred_out' | 'duplicate' | 'merged' }
>;

export const initialState: ComplaintState = { status: 'none' };
