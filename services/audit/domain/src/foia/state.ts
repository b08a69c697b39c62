import type {
  FoiaClockTolled,
  FoiaRequestReceived,
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

interface Reviewed {
  request: FoiaRequestReceived;
  compilations: RecordsCompiled[];
  redactionSets: RecordedRedactionSet[];
  overrides: RedactionOverridden[];
  clock: FoiaClockState;
}

/** A FOIA request while it is reviewed; once released it accepts nothing more. */
export type FoiaState =
  | { status: 'none' }
  | ({ status: 'received' } & Reviewed)
  | ({ status: 'released'; release: FoiaResponseReleased } & Reviewed);

export const initialFoiaState: FoiaState = { status: 'none' };
