import type {
  BackWagesComputed,
  CivilPenaltyAssessed,
  DeterminationProposed,
  EmployerAdded,
  EvidenceAttached,
  HoursAndWagesRecorded,
  ImmigrationSupportLetterRequested,
  InterviewRecorded,
  InvestigationClosed,
  Priority,
  RecordsRequested,
  RetaliationConcernFlagged,
  ViolationFound,
} from '@lse/contracts';

export interface Determination {
  proposal: DeterminationProposed;
  approvedBy?: string;
  issuedAt?: string;
}

/**
 * An interview as the case file lists it: when, with whom by role (and worker id), in which
 * language and how. Never who by name or phone, nor what was said (summary, notes): those stay in
 * the event.
 */
export interface InterviewSummary {
  interviewId: string;
  interviewedOn: string;
  role: InterviewRecorded['interviewee']['role'];
  workerId: string | null;
  language: string;
  interpreterUsed: boolean;
  traumaInformedProtocol: boolean;
  confidentialSource: boolean;
}

/** A retaliation concern without its narrative (the description stays in the event). */
export type RetaliationConcernSummary = Omit<RetaliationConcernFlagged, 'description'>;

/** An immigration support letter: requested for a worker, later issued (who asked stays in the event). */
export interface LetterSummary {
  workerId: string;
  program: ImmigrationSupportLetterRequested['program'];
  requestedOn: string;
  issued: boolean;
  issuedOn?: string;
  /** The signed letter, kept as evidence. */
  evidenceId?: string;
}

/** What the investigation knows, keyed by the ids its events carry (insertion order kept). */
export interface Investigation {
  caseId: string;
  caseNumber: string;
  priority: Priority;
  office: string;
  openedAt: string;
  investigatorId?: string;
  employers: Record<string, EmployerAdded>;
  interviews: InterviewSummary[];
  recordsRequests: Record<string, RecordsRequested & { received: boolean }>;
  subpoenaIds: string[];
  evidence: Record<string, EvidenceAttached>;
  recordSets: Record<string, HoursAndWagesRecorded>;
  computations: Record<string, BackWagesComputed>;
  latestComputationId?: string;
  violations: Record<string, ViolationFound>;
  retaliationConcerns: RetaliationConcernSummary[];
  letters: Record<string, LetterSummary>;
  penalties: Record<string, CivilPenaltyAssessed>;
  /** The current proposal (a later one replaces one not yet approved). */
  determination?: Determination;
}

/** `open` is the only state that accepts commands; nothing is appended after `closed`. */
export type InvestigationState =
  | { status: 'none' }
  | { status: 'open'; investigation: Investigation }
  | { status: 'closed'; investigation: Investigation; closure: InvestigationClosed };

export const initialState: InvestigationState = { status: 'none' };
