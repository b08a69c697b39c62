import type {
  FoiaAppealDecided,
  FoiaAppealReceived,
  FoiaClarificationReceived,
  FoiaClarificationRequested,
  FoiaClockTolled,
  FoiaFeeEstimated,
  FoiaFeePaid,
  FoiaFeeWaiverDecided,
  FoiaNoRecordsFound,
  FoiaRequestAcknowledged,
  FoiaRequestDenied,
  FoiaRequestReceived,
  FoiaRequestReferred,
  FoiaResponseReleased,
  RecordsCompiled,
  RedactionOverridden,
} from '@lse/contracts';

/** A redaction set recorded (RedactionApplied): the fields withheld as of a cut-off, by digest. */
export interface RecordedRedactionSet {
  cutoff: string;
  redactionLogSha256: string;
  parts: number;
  /** Entries recorded so far (all parts: the set is appended in one go). */
  redactions: number;
}

/** What moved the request's clock since receipt (its due date on receipt follows from the rule). */
export interface FoiaClockState {
  /** The due date an extension or a resumption set; absent, the due date on receipt. */
  dueOn?: string;
  extended: boolean;
  tolled?: FoiaClockTolled;
}

/** A clarification asked of the requester, and the answer once it came. */
export type FoiaClarification = FoiaClarificationRequested & { answer?: FoiaClarificationReceived };

/** The fee estimated, the waiver decision, and what was paid (integer cents). */
export interface FoiaFeeState {
  estimate: FoiaFeeEstimated;
  waiver?: FoiaFeeWaiverDecided;
  payments: FoiaFeePaid[];
  paidCents: number;
}

/** What happened to the request besides its packages and clock. */
export interface FoiaLifecycle {
  acknowledgment?: FoiaRequestAcknowledged;
  clarifications: FoiaClarification[];
  fee?: FoiaFeeState;
  /** Every release, installments and the final one, numbered 1, 2, ... */
  releases: FoiaResponseReleased[];
}

interface Reviewed {
  request: FoiaRequestReceived;
  compilations: RecordsCompiled[];
  redactionSets: RecordedRedactionSet[];
  overrides: RedactionOverridden[];
  clock: FoiaClockState;
  lifecycle: FoiaLifecycle;
}

/** The agency's final response: the appeal window counts from its date. */
export type FoiaResponse =
  | { kind: 'released'; respondedOn: string }
  | { kind: 'denied'; respondedOn: string; denial: FoiaRequestDenied }
  | { kind: 'no_records'; respondedOn: string; noRecords: FoiaNoRecordsFound }
  | { kind: 'referred'; respondedOn: string; referral: FoiaRequestReferred };

interface Answered extends Reviewed {
  response: FoiaResponse;
  /** The final release, when the response released records. */
  release?: FoiaResponseReleased;
}

/**
 * A FOIA request: open while it is reviewed (installments may be released); once the final
 * response is made (a final release, a denial, no records, a referral) it accepts nothing but an
 * appeal, and once the appeal is decided nothing at all.
 */
export type FoiaState =
  | { status: 'none' }
  | ({ status: 'received' } & Reviewed)
  | ({ status: 'released'; release: FoiaResponseReleased } & Answered)
  | ({ status: 'responded' } & Answered)
  | ({ status: 'appealed'; appeal: FoiaAppealReceived } & Answered)
  | ({ status: 'appeal_decided'; appeal: FoiaAppealReceived; appealDecision: FoiaAppealDecided } & Answered);

export type FoiaStatus = FoiaState['status'];
export type OpenFoiaState = Extract<FoiaState, { status: 'received' }>;
export type AnsweredFoiaState = Exclude<FoiaState, { status: 'none' | 'received' }>;

export const initialFoiaState: FoiaState = { status: 'none' };
