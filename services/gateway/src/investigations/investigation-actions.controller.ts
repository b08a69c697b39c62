import {
  AddEmployerInput,
  ApproveDeterminationInput,
  AssessCivilPenaltyInput,
  AssignInvestigatorInput,
  CloseInvestigationInput,
  ReopenInvestigationInput,
  ComputeBackWagesInput,
  FindViolationInput,
  FlagRetaliationInput,
  INVESTIGATION_PATTERNS,
  type InvestigationCommandReply,
  IssueDeterminationInput,
  IssueImmigrationLetterInput,
  IssueSubpoenaInput,
  ProposeDeterminationInput,
  ReceiveRecordsInput,
  RecordInterviewInput,
  RequestImmigrationLetterInput,
  RequestRecordsInput,
} from '@lse/contracts';
import { ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { ApiController } from '../openapi/endpoint';
import { ServicesClient } from '../services/services-client';
import { investigationAction as action } from './investigation-action';
import { DETERMINATION_PROPOSERS, INVESTIGATION_SUPERVISORS } from './roles';

/**
 * The investigation's commands. Each is one request to the investigation service; If-Match guards
 * against acting on an investigation someone else changed meanwhile (409).
 */
@ApiController()
export class InvestigationActionsController {
  constructor(private readonly services: ServicesClient) {}

  @action({
    operationId: 'assignInvestigator',
    path: 'assignment',
    summary: 'Assign or reassign the investigator (supervisors)',
    body: AssignInvestigatorInput,
    pattern: INVESTIGATION_PATTERNS.assign,
    roles: INVESTIGATION_SUPERVISORS,
  })
  assign(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'addEmployer',
    path: 'employers',
    summary:
      'Add an employer with its liability role (direct, joint, successor, client, contractor) and basis',
    body: AddEmployerInput,
    pattern: INVESTIGATION_PATTERNS.addEmployer,
    description:
      "The answer's `id` is the employer id: hours and wages name it as `employerId`, and once a determination is issued the collection case lists the employer under its `debtors` with the same id as `debtorId`.",
  })
  addEmployer(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'recordInterview',
    path: 'interviews',
    summary:
      'Record an interview (interviewee role, language, interpreter, trauma-informed protocol, confidential source)',
    body: RecordInterviewInput,
    pattern: INVESTIGATION_PATTERNS.recordInterview,
  })
  recordInterview(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'requestRecords',
    path: 'records-requests',
    summary: 'Request records from an employer',
    body: RequestRecordsInput,
    pattern: INVESTIGATION_PATTERNS.requestRecords,
  })
  requestRecords(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'receiveRecords',
    path: 'records-receipts',
    summary: 'Record records received for a request',
    body: ReceiveRecordsInput,
    pattern: INVESTIGATION_PATTERNS.receiveRecords,
  })
  receiveRecords(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'issueSubpoena',
    path: 'subpoenas',
    summary: 'Issue a subpoena',
    body: IssueSubpoenaInput,
    pattern: INVESTIGATION_PATTERNS.issueSubpoena,
  })
  issueSubpoena(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'computeBackWages',
    path: 'back-wage-computations',
    summary:
      'Compute back wages over the recorded hours with @lse/wage-rules rule sets (e.g. US-FLSA, US-CA); each workweek rounded once, half up',
    body: ComputeBackWagesInput,
    pattern: INVESTIGATION_PATTERNS.computeBackWages,
  })
  computeBackWages(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'findViolation',
    path: 'violations',
    summary: 'Record a violation found',
    body: FindViolationInput,
    pattern: INVESTIGATION_PATTERNS.findViolation,
  })
  findViolation(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'flagRetaliationConcern',
    path: 'retaliation-concerns',
    summary: 'Flag a retaliation concern',
    body: FlagRetaliationInput,
    pattern: INVESTIGATION_PATTERNS.flagRetaliation,
  })
  flagRetaliation(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'requestImmigrationLetter',
    path: 'immigration-letter-requests',
    summary: 'Record a request for an immigration support letter (U/T visa certification, deferred action)',
    body: RequestImmigrationLetterInput,
    pattern: INVESTIGATION_PATTERNS.requestImmigrationLetter,
  })
  requestImmigrationLetter(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'issueImmigrationLetter',
    path: 'immigration-letters',
    summary: 'Sign and issue a requested immigration support letter (supervisors)',
    body: IssueImmigrationLetterInput,
    pattern: INVESTIGATION_PATTERNS.issueImmigrationLetter,
    roles: INVESTIGATION_SUPERVISORS,
  })
  issueImmigrationLetter(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'assessCivilPenalty',
    path: 'civil-penalties',
    summary: 'Assess a civil penalty',
    body: AssessCivilPenaltyInput,
    pattern: INVESTIGATION_PATTERNS.assessCivilPenalty,
  })
  assessCivilPenalty(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'proposeDetermination',
    path: 'determination/proposal',
    summary: 'Propose the determination (the assigned investigator)',
    body: ProposeDeterminationInput,
    pattern: INVESTIGATION_PATTERNS.proposeDetermination,
    roles: DETERMINATION_PROPOSERS,
  })
  propose(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'approveDetermination',
    path: 'determination/approval',
    summary: 'Approve the proposed determination (a supervisor other than the proposing investigator)',
    body: ApproveDeterminationInput,
    pattern: INVESTIGATION_PATTERNS.approveDetermination,
    roles: INVESTIGATION_SUPERVISORS,
  })
  approve(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'issueDetermination',
    path: 'determination/issue',
    summary: 'Issue the approved determination (amounts owed per worker go to collections)',
    body: IssueDeterminationInput,
    pattern: INVESTIGATION_PATTERNS.issueDetermination,
  })
  issue(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'closeInvestigation',
    path: 'closure',
    summary: 'Close the investigation (supervisors); nothing is appended afterwards but its reopening',
    body: CloseInvestigationInput,
    pattern: INVESTIGATION_PATTERNS.close,
    roles: INVESTIGATION_SUPERVISORS,
  })
  close(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }

  @action({
    operationId: 'reopenInvestigation',
    path: 'reopening',
    summary: 'Reopen a closed investigation (supervisors) with the reason (new evidence) and a note',
    body: ReopenInvestigationInput,
    pattern: INVESTIGATION_PATTERNS.reopen,
    roles: INVESTIGATION_SUPERVISORS,
  })
  reopen(@ActionRequest() call: ActionCall) {
    return sendAction<InvestigationCommandReply>(this.services, call);
  }
}
