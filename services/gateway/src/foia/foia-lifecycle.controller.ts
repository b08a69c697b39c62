import {
  AcknowledgeFoiaRequestInput,
  AUDIT_PATTERNS,
  DecideFoiaAppealInput,
  DecideFoiaFeeWaiverInput,
  DenyFoiaRequestInput,
  EstimateFoiaFeeInput,
  FoiaVersionReply,
  ReceiveFoiaAppealInput,
  ReceiveFoiaClarificationInput,
  RecordFoiaPaymentInput,
  ReferFoiaRequestInput,
  RequestFoiaClarificationInput,
  RespondNoFoiaRecordsInput,
} from '@lse/contracts';
import { FOIA_OFFICERS } from '../audit/roles';
import { actionsOf, ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { ApiController } from '../openapi/endpoint';
import { ServicesClient } from '../services/services-client';
import { RequestIdParams } from './schemas';

/** A step of a request's life: POST /foia-requests/:requestId/<path>, with If-Match. */
const step = actionsOf({
  base: 'foia-requests/:requestId',
  params: RequestIdParams,
  tags: ['foia'],
  roles: FOIA_OFFICERS,
  reply: FoiaVersionReply,
});

/**
 * A FOIA request's life after receipt: acknowledgment, clarification, fees, the final responses
 * other than a release (the release is POST .../release), and the appeal.
 */
@ApiController()
export class FoiaLifecycleController {
  constructor(private readonly services: ServicesClient) {}

  @step({
    operationId: 'acknowledgeFoiaRequest',
    path: 'acknowledgment',
    summary: 'Acknowledge the request with its tracking number (FoiaRequestAcknowledged)',
    description:
      'The tracking number is FOIA-<year received>-<first 8 of the request id>, 5 U.S.C. § 552(a)(7)(A). Once per request.',
    body: AcknowledgeFoiaRequestInput,
    pattern: AUDIT_PATTERNS.acknowledgeFoiaRequest,
  })
  acknowledge(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'requestFoiaClarification',
    path: 'clarification-requests',
    summary:
      'Ask the requester to clarify; the clock stops until the answer (FoiaClarificationRequested, FoiaClockTolled)',
    description: 'Federal: once, 5 U.S.C. § 552(a)(6)(A)(ii)(I).',
    body: RequestFoiaClarificationInput,
    pattern: AUDIT_PATTERNS.requestFoiaClarification,
  })
  requestClarification(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'receiveFoiaClarification',
    path: 'clarification-answers',
    summary:
      "Record the requester's answer; the clock runs again (FoiaClarificationReceived, FoiaClockResumed)",
    body: ReceiveFoiaClarificationInput,
    pattern: AUDIT_PATTERNS.receiveFoiaClarification,
  })
  receiveClarification(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'estimateFoiaFee',
    path: 'fee-estimate',
    summary: "Estimate the fee in cents by the requester's category (FoiaFeeEstimated)",
    description:
      'Federal categories, 5 U.S.C. § 552(a)(4)(A)(ii)(I)-(III); California: the direct cost of duplication, Cal. Gov. Code § 7922.530(a). A release waits until the fee is paid or waived.',
    body: EstimateFoiaFeeInput,
    pattern: AUDIT_PATTERNS.estimateFoiaFee,
  })
  estimateFee(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'decideFoiaFeeWaiver',
    path: 'fee-waiver-decision',
    summary: 'Grant or deny a fee waiver under the public-interest test (FoiaFeeWaiverDecided)',
    description: '5 U.S.C. § 552(a)(4)(A)(iii). The CPRA has no waiver: refused for California requests.',
    body: DecideFoiaFeeWaiverInput,
    pattern: AUDIT_PATTERNS.decideFoiaFeeWaiver,
  })
  decideFeeWaiver(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'recordFoiaPayment',
    path: 'payments',
    summary: 'Record a payment toward the fee, never more than is owed (FoiaFeePaid)',
    body: RecordFoiaPaymentInput,
    pattern: AUDIT_PATTERNS.recordFoiaPayment,
  })
  recordPayment(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'denyFoiaRequest',
    path: 'denial',
    summary: "Deny the request, citing exemptions of its law's catalog (FoiaRequestDenied)",
    body: DenyFoiaRequestInput,
    pattern: AUDIT_PATTERNS.denyFoiaRequest,
  })
  deny(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'respondNoFoiaRecords',
    path: 'no-records-response',
    summary: 'Answer that a search found no responsive records, saying where (FoiaNoRecordsFound)',
    body: RespondNoFoiaRecordsInput,
    pattern: AUDIT_PATTERNS.respondNoFoiaRecords,
  })
  noRecords(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'referFoiaRequest',
    path: 'referral',
    summary: 'Refer the request to the agency whose records they are (FoiaRequestReferred)',
    body: ReferFoiaRequestInput,
    pattern: AUDIT_PATTERNS.referFoiaRequest,
  })
  refer(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'receiveFoiaAppeal',
    path: 'appeal',
    summary: 'Record an appeal of the final response, with its due date (FoiaAppealReceived)',
    description:
      'Federal: within 90 days of the response, 5 U.S.C. § 552(a)(6)(A)(i)(III)(aa), decided within 20 working days, § 552(a)(6)(A)(ii). California: refused, the CPRA has no administrative appeal (Cal. Gov. Code § 7923.000).',
    body: ReceiveFoiaAppealInput,
    pattern: AUDIT_PATTERNS.receiveFoiaAppeal,
  })
  receiveAppeal(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @step({
    operationId: 'decideFoiaAppeal',
    path: 'appeal-decision',
    summary: 'Decide the appeal: upheld, reversed, partly reversed or remanded (FoiaAppealDecided)',
    description:
      'Upheld: the request is closed (`appeal_decided`; the requester may go to court, 5 U.S.C. § 552(a)(4)(B)). Reversed, partly reversed or remanded: it is processed again (`reprocessing`), due the usual response period after the decision (agency policy, not statute: `reopened`), and compile and release apply again until a new final response, which may be appealed in turn.',
    body: DecideFoiaAppealInput,
    pattern: AUDIT_PATTERNS.decideFoiaAppeal,
  })
  decideAppeal(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }
}
