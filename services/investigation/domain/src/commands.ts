import type {
  ActorRole,
  BackWagesComputed,
  CivilPenaltyAssessed,
  EmployerAdded,
  EvidenceAttached,
  HoursAndWagesRecorded,
  ImmigrationSupportLetterRequested,
  InterviewRecorded,
  InvestigationClosed,
  InvestigationReopened,
  Priority,
  RecordsReceived,
  RecordsRequested,
  RetaliationConcernFlagged,
  SubpoenaIssued,
  ViolationFound,
} from '@lse/contracts';
import type { IsoDate } from '@lse/domain';

/**
 * Commands the investigation decider takes. Time (`now`, an ISO instant), every id and the acting
 * user come in with the command, so decisions replay identically.
 */
export interface Actor {
  id: string;
  role: ActorRole;
}

interface Base {
  caseId: string;
  now: string;
  actor: Actor;
}

export type InvestigationCommand =
  /** The reaction to complaint CaseOpened. */
  | (Base & {
      type: 'OpenInvestigation';
      caseNumber: string;
      priority: Priority;
      office: string;
      openedAt: string;
    })
  | (Base & { type: 'AssignInvestigator'; investigatorId: string; reason?: string })
  | (Base & { type: 'AddEmployer'; employer: EmployerAdded })
  | (Base & { type: 'RecordInterview'; interview: InterviewRecorded })
  | (Base & { type: 'RequestRecords'; request: RecordsRequested })
  | (Base & { type: 'ReceiveRecords'; receipt: RecordsReceived })
  | (Base & { type: 'IssueSubpoena'; subpoena: SubpoenaIssued })
  | (Base & { type: 'AttachEvidence'; evidence: EvidenceAttached })
  | (Base & { type: 'RecordHoursAndWages'; recordSet: HoursAndWagesRecorded })
  /** The figures come from `computeBackWages` over this investigation's record sets. */
  | (Base & { type: 'ComputeBackWages'; computation: BackWagesComputed })
  | (Base & { type: 'FindViolation'; violation: ViolationFound })
  | (Base & { type: 'FlagRetaliationConcern'; concern: RetaliationConcernFlagged })
  | (Base & { type: 'RequestImmigrationLetter'; request: ImmigrationSupportLetterRequested })
  | (Base & { type: 'IssueImmigrationLetter'; letterId: string; issuedOn: IsoDate; evidenceId?: string })
  | (Base & { type: 'AssessCivilPenalty'; penalty: CivilPenaltyAssessed })
  | (Base & {
      type: 'ProposeDetermination';
      determinationId: string;
      computationId?: string;
      violationIds?: string[];
      penaltyIds?: string[];
      employerIds?: string[];
      summary: string;
    })
  | (Base & { type: 'ApproveDetermination'; determinationId: string; note?: string })
  | (Base & { type: 'IssueDetermination'; determinationId: string })
  | (Base & { type: 'CloseInvestigation'; reason: InvestigationClosed['reason']; note?: string })
  /** The only command a closed investigation takes. */
  | (Base & { type: 'ReopenInvestigation'; reason: InvestigationReopened['reason']; note: string });

export type InvestigationCommandType = InvestigationCommand['type'];
