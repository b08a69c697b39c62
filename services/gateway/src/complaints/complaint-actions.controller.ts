import {
  AmendComplaintInput,
  AssessJurisdictionInput,
  AssessLimitationsInput,
  ComplaintCommandReply,
  DeclineInput,
  INTAKE_PATTERNS,
  LinkDuplicateInput,
  LinkRelatedInput,
  MergeComplaintInput,
  OpenCaseInput,
  ReferOutInput,
  ScoreTriageInput,
  WithdrawInput,
} from '@lse/contracts';
import { actionsOf, ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { CaseIdParams } from '../http/params';
import { ApiController } from '../openapi/endpoint';
import { ServicesClient } from '../services/services-client';
import { COMPLAINT_DECLINERS, COMPLAINT_WRITERS } from './roles';

/** An action on a complaint: POST /complaints/:caseId/<path>. */
const action = actionsOf({
  base: 'complaints/:caseId',
  params: CaseIdParams,
  tags: ['complaints'],
  roles: COMPLAINT_WRITERS,
  reply: ComplaintCommandReply,
});

/**
 * The intake decisions on a complaint. Each is one command to intake: the stream version from
 * If-Match guards against acting on a complaint someone else changed meanwhile (409).
 */
@ApiController()
export class ComplaintActionsController {
  constructor(private readonly services: ServicesClient) {}

  @action({
    operationId: 'amendComplaint',
    path: 'amendments',
    summary: 'Amend complainants, employer or allegations',
    body: AmendComplaintInput,
    pattern: INTAKE_PATTERNS.amend,
  })
  amend(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'assessJurisdiction',
    path: 'jurisdiction-assessment',
    summary: 'Record whether the complaint is within the agency’s jurisdiction',
    body: AssessJurisdictionInput,
    pattern: INTAKE_PATTERNS.assessJurisdiction,
  })
  jurisdiction(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'assessLimitations',
    path: 'limitations-assessment',
    summary:
      'Assess the statute of limitations (FLSA 2 years, 3 if willful; configured state periods); warns under 90 days',
    body: AssessLimitationsInput,
    pattern: INTAKE_PATTERNS.assessLimitations,
  })
  limitations(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'scoreTriage',
    path: 'triage',
    summary: 'Score the triage: score 0-100, priority P1-P4 and an explanation per factor',
    body: ScoreTriageInput,
    pattern: INTAKE_PATTERNS.scoreTriage,
  })
  triage(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'linkDuplicate',
    path: 'duplicate-link',
    summary:
      'Link the complaint as a duplicate of an existing open case (closes it); the surviving case records it too',
    body: LinkDuplicateInput,
    pattern: INTAKE_PATTERNS.linkDuplicate,
  })
  duplicate(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'linkRelatedCase',
    path: 'related-links',
    summary: 'Link a related case; both stay open and each records the other',
    body: LinkRelatedInput,
    pattern: INTAKE_PATTERNS.linkRelated,
  })
  related(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'mergeComplaint',
    path: 'merge',
    summary:
      'Merge the complaint into a surviving case: its complainants and allegations move there (closes it)',
    body: MergeComplaintInput,
    pattern: INTAKE_PATTERNS.merge,
  })
  merge(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'referOut',
    path: 'referral-out',
    summary: 'Refer out to OSHA, EEOC, NLRB or a state agency; cross-filed keeps it here too',
    body: ReferOutInput,
    pattern: INTAKE_PATTERNS.referOut,
  })
  referOut(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'declineComplaint',
    path: 'decline',
    summary: 'Decline the complaint (supervisors)',
    body: DeclineInput,
    pattern: INTAKE_PATTERNS.decline,
    roles: COMPLAINT_DECLINERS,
  })
  decline(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'withdrawComplaint',
    path: 'withdraw',
    summary: 'Record that the complainant withdrew the complaint',
    body: WithdrawInput,
    pattern: INTAKE_PATTERNS.withdraw,
  })
  withdraw(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }

  @action({
    operationId: 'openCase',
    path: 'open',
    summary: 'Open the case: allocates its case number (LSE-YYYY-NNNNNN) and takes the triage priority',
    body: OpenCaseInput,
    pattern: INTAKE_PATTERNS.openCase,
  })
  open(@ActionRequest() call: ActionCall) {
    return sendAction<ComplaintCommandReply>(this.services, call);
  }
}
