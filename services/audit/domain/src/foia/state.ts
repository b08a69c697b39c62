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
  /**
   * Appeals decided so that the request was processed again, oldest first, each with the response
   * it appealed (absent on states folded before reprocessing existed: read as none).
   */
  appeals?: DecidedAppeal[];
}

/** An appeal, the response it appealed, and its decision. */
export interface DecidedAppeal {
  response: FoiaResponse;
  appeal: FoiaAppealReceived;
  decision: FoiaAppealDecided;
}

/**
 * Why a reprocessing request is open again and until when: no statute fixes a time for it, so the
 * due date is the agency's policy (the jurisdiction's usual response period from the decision).
 */
export interface FoiaReopening {
  appeal: FoiaAppealReceived;
  decision: FoiaAppealDecided;
  dueOn: string;
  source: string;
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
 * appeal. An appeal upheld closes it for good (the requester's next step is court, 5 U.S.C.
 * § 552(a)(4)(B)); one reversed, partly reversed or remanded opens it again as `reprocessing`
 * until a new final response, which may be appealed in turn.
 *
 * `reprocessing` is a status of its own rather than `received` again: the queue and the request
 * page must tell a request the appeal sent back (with its own due date, set by agency policy, and
 * the decision that reopened it) from one never answered, and the earlier final release stays the
 * package on record until the new one is released.
 */
export type FoiaState =
  | { status: 'none' }
  | ({ status: 'received' } & Reviewed)
  | ({ status: 'reprocessing'; reopened: FoiaReopening; release?: FoiaResponseReleased } & Reviewed)
  | ({ status: 'released'; release: FoiaResponseReleased } & Answered)
  | ({ status: 'responded' } & Answered)
  | ({ status: 'appealed'; appeal: FoiaAppealReceived } & Answered)
  | ({ status: 'appeal_decided'; appeal: FoiaAppealReceived; appealDecision: FoiaAppealDecided } & Answered);

export type FoiaStatus = FoiaState['status'];
/** Open for processing: compilations, redactions, releases and the clock's changes apply. */
export type OpenFoiaState = Extract<FoiaState, { status: 'received' | 'reprocessing' }>;
export type AnsweredFoiaState = Exclude<FoiaState, { status: 'none' | 'received' | 'reprocessing' }>;

export const isOpenFoia = (state: FoiaState): state is OpenFoiaState =>
  state.status === 'received' || state.status === 'reprocessing';

export const initialFoiaState: FoiaState = { status: 'none' };
