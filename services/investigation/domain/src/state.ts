import type {
  BackWagesComputed,
  CivilPenaltyAssessed,
  DeterminationProposed,
  EmployerAdded,
  EvidenceAttached,
  HoursAndWagesRecorded,
  InvestigationClosed,
  Priority,
  RecordsRequested,
  ViolationFound,
} from '@lse/contracts';

export interface Determination {
  proposal: DeterminationProposed;
  approvedBy?: string;
  issuedAt?: string;
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
  interviewIds: string[];
  recordsRequests: Record<string, RecordsRequested & { received: boolean }>;
  subpoenaIds: string[];
  evidence: Record<string, EvidenceAttached>;
  recordSets: Record<string, HoursAndWagesRecorded>;
  computations: Record<string, BackWagesComputed>;
  latestComputationId?: string;
  violations: Record<string, ViolationFound>;
  retaliationConcernIds: string[];
  letters: Record<string, { workerId: string; issued: boolean }>;
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
