import {
  AgreeSettlementInput,
  CloseCollectionCaseInput,
  CollectionCommandReply,
  COLLECTIONS_PATTERNS,
  CompromiseDebtInput,
  CounterSettlementInput,
  DeclareDefaultInput,
  EnterJudgmentInput,
  EstablishPaymentPlanInput,
  IssueDisbursementInput,
  IssueOrderInput,
  MarkWorkerUnlocatedInput,
  OfferSettlementInput,
  ReceivePaymentInput,
  ReopenCollectionCaseInput,
  ReversePaymentInput,
  TakeEscalationInput,
  TransferUnclaimedWagesInput,
} from '@lse/contracts';
import { actionsOf, ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { CaseIdParams } from '../http/params';
import { ApiController } from '../openapi/endpoint';
import { COLLECTION_OPENED_BY_REACTION } from '../openapi/eventual';
import { ServicesClient } from '../services/services-client';
import { COLLECTION_APPROVERS, COLLECTION_WRITERS } from './roles';

/** An action on a collection case: POST /collections/:caseId/<path>. */
const action = actionsOf({
  base: 'collections/:caseId',
  params: CaseIdParams,
  tags: ['collections'],
  roles: COLLECTION_WRITERS,
  reply: CollectionCommandReply,
  eventual: COLLECTION_OPENED_BY_REACTION,
});

/**
 * Collection actions. Each is one command to collections; amounts are positive integer cents
 * (anything else is a 400 that writes nothing), and If-Match guards against acting on a case
 * someone else changed meanwhile (409).
 */
@ApiController()
export class CollectionActionsController {
  constructor(private readonly services: ServicesClient) {}

  @action({
    operationId: 'offerSettlement',
    path: 'settlement-offers',
    summary: 'Record a settlement offer (amount, installments, non-monetary terms)',
    body: OfferSettlementInput,
    pattern: COLLECTIONS_PATTERNS.offerSettlement,
  })
  offer(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'counterSettlement',
    path: 'settlement-counters',
    summary: 'Record a counter-offer to an earlier offer',
    body: CounterSettlementInput,
    pattern: COLLECTIONS_PATTERNS.counterSettlement,
  })
  counter(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'agreeSettlement',
    path: 'settlement',
    summary:
      'Agree the settlement (supervisors): amount, installment schedule (becomes the payment plan), non-monetary terms; less than the balance compromises the difference',
    body: AgreeSettlementInput,
    pattern: COLLECTIONS_PATTERNS.agreeSettlement,
    roles: COLLECTION_APPROVERS,
  })
  agree(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'issueOrder',
    path: 'orders',
    summary: 'Record an administrative, consent or court order to pay',
    body: IssueOrderInput,
    pattern: COLLECTIONS_PATTERNS.issueOrder,
  })
  order(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'enterJudgment',
    path: 'judgments',
    summary: 'Record a judgment with its post-judgment interest rate (basis points a year)',
    body: EnterJudgmentInput,
    pattern: COLLECTIONS_PATTERNS.enterJudgment,
  })
  judgment(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'establishPaymentPlan',
    path: 'payment-plans',
    summary: 'Establish a payment plan (replaces the current one)',
    body: EstablishPaymentPlanInput,
    pattern: COLLECTIONS_PATTERNS.establishPaymentPlan,
  })
  plan(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'receivePayment',
    path: 'payments',
    summary:
      'Record a payment from any jointly and severally liable debtor; it is allocated across the workers by the allocation rule',
    body: ReceivePaymentInput,
    pattern: COLLECTIONS_PATTERNS.receivePayment,
  })
  payment(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'reversePayment',
    path: 'payment-reversals',
    summary: 'Reverse a payment that did not clear (not once its money was paid out)',
    body: ReversePaymentInput,
    pattern: COLLECTIONS_PATTERNS.reversePayment,
  })
  reverse(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'declareDefault',
    path: 'default',
    summary: 'Declare the payment plan in default after a missed installment',
    body: DeclareDefaultInput,
    pattern: COLLECTIONS_PATTERNS.declareDefault,
  })
  default(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'takeEscalation',
    path: 'escalations',
    summary:
      'Take an enforcement step: lien, levy, stop-work order, license hold, bond claim, prosecution referral, publication',
    body: TakeEscalationInput,
    pattern: COLLECTIONS_PATTERNS.takeEscalation,
  })
  escalate(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'issueDisbursement',
    path: 'disbursements',
    summary: 'Pay a worker what was collected for them (never more, never twice)',
    body: IssueDisbursementInput,
    pattern: COLLECTIONS_PATTERNS.issueDisbursement,
  })
  disburse(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'markWorkerUnlocated',
    path: 'unlocated-workers',
    summary: 'Record that a worker cannot be found: their money is held',
    body: MarkWorkerUnlocatedInput,
    pattern: COLLECTIONS_PATTERNS.markWorkerUnlocated,
  })
  unlocated(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'transferUnclaimedWages',
    path: 'unclaimed-transfers',
    summary: 'Transfer held wages to the unclaimed-wage fund after the configured period',
    body: TransferUnclaimedWagesInput,
    pattern: COLLECTIONS_PATTERNS.transferUnclaimedWages,
  })
  transfer(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'compromiseDebt',
    path: 'compromises',
    summary: 'Compromise or write off part or all of the balance (supervisors)',
    body: CompromiseDebtInput,
    pattern: COLLECTIONS_PATTERNS.compromiseDebt,
    roles: COLLECTION_APPROVERS,
  })
  compromise(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'closeCollectionCase',
    path: 'close',
    summary:
      'Close the case once nothing is outstanding and everything collected was paid out; nothing is accepted after',
    body: CloseCollectionCaseInput,
    pattern: COLLECTIONS_PATTERNS.closeCase,
  })
  close(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }

  @action({
    operationId: 'reopenCollectionCase',
    path: 'reopening',
    summary:
      'Reopen a closed case (supervisors), with the reason (late payment, bounced check) and a note; the only way anything is appended to a closed case',
    body: ReopenCollectionCaseInput,
    pattern: COLLECTIONS_PATTERNS.reopenCase,
    roles: COLLECTION_APPROVERS,
  })
  reopen(@ActionRequest() call: ActionCall) {
    return sendAction<CollectionCommandReply>(this.services, call);
  }
}
