import type {
  AgreeSettlementInput,
  CloseCollectionCaseInput,
  CollectionCaseOpened,
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

/**
 * Commands the collection decider takes. Time (`now`, an ISO instant), the acting user and every
 * new id come in with the command, so decisions replay identically. Dates left out of an input
 * default to the UTC date of `now`.
 */
export interface CommandBase {
  caseId: string;
  now: string;
  actor: { id: string; role: string };
}

type With<T extends string, I> = CommandBase & { type: T; input: I };

export type CollectionCommand =
  | (CommandBase & { type: 'OpenCollectionCase'; opening: CollectionCaseOpened })
  | (With<'OfferSettlement', OfferSettlementInput> & { offerId: string })
  | (With<'CounterSettlement', CounterSettlementInput> & { offerId: string })
  | (With<'AgreeSettlement', AgreeSettlementInput> & {
      settlementId: string;
      planId: string;
      compromiseId: string;
    })
  | (With<'IssueOrder', IssueOrderInput> & { orderId: string })
  | (With<'EnterJudgment', EnterJudgmentInput> & { judgmentId: string })
  | (With<'EstablishPaymentPlan', EstablishPaymentPlanInput> & { planId: string })
  | (With<'ReceivePayment', ReceivePaymentInput> & { paymentId: string })
  | With<'ReversePayment', ReversePaymentInput>
  /** The scheduled check: records every installment whose due date passed unpaid. */
  | (CommandBase & { type: 'CheckInstallments' })
  | With<'DeclareDefault', DeclareDefaultInput>
  | (With<'TakeEscalation', TakeEscalationInput> & { escalationId: string })
  | (With<'IssueDisbursement', IssueDisbursementInput> & { disbursementId: string })
  | With<'MarkWorkerUnlocated', MarkWorkerUnlocatedInput>
  | With<'TransferUnclaimedWages', TransferUnclaimedWagesInput>
  | (With<'CompromiseDebt', CompromiseDebtInput> & { compromiseId: string })
  | With<'CloseCollectionCase', CloseCollectionCaseInput>
  /** The only command a closed case takes. */
  | With<'ReopenCollectionCase', ReopenCollectionCaseInput>;

export type CollectionCommandType = CollectionCommand['type'];
