import type { CollectionEvent, Installment } from '@lse/contracts';
import { cents, type IsoDate } from '@lse/domain';
import { allocateAcrossWorkers } from '../allocation';
import {
  outstandingByWorker,
  type CommandOf,
  type Decide,
  type DecisionContext,
  type Decisions,
} from '../decision';
import {
  CompromiseReasonRequiredError,
  ExceedsOutstandingError,
  NothingOutstandingError,
  OfferNotFoundError,
} from '../errors';

/*
 * How the debt is fixed: negotiated (offers, counter-offers, an agreement), ordered or adjudged,
 * and scheduled (a payment plan).
 */

const numbered = (items: ReadonlyArray<{ dueOn: IsoDate; amountCents: number }>): Installment[] =>
  items.map((item, index) => ({
    installmentNo: index + 1,
    dueOn: item.dueOn,
    amountCents: item.amountCents,
  }));

/** An offer and a counter-offer are positions in the negotiation; neither changes the balance. */
function offer(
  command: CommandOf<'OfferSettlement' | 'CounterSettlement'>,
  { open, outstanding, dated }: DecisionContext,
): CollectionEvent[] {
  const { input } = command;
  if (outstanding === 0) throw new NothingOutstandingError('A settlement offer');
  if (
    command.type === 'CounterSettlement' &&
    !open.offers.some((o) => o.offerId === command.input.inResponseTo)
  )
    throw new OfferNotFoundError(command.input.inResponseTo);
  const data = {
    offerId: command.offerId,
    offeredBy: input.offeredBy,
    offeredOn: dated('offeredOn', input.offeredOn),
    amountCents: input.amountCents,
    installments: numbered(input.installments),
    nonMonetaryTerms: input.nonMonetaryTerms ?? [],
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
  return command.type === 'OfferSettlement'
    ? [{ type: 'SettlementOffered', data }]
    : [{ type: 'SettlementCountered', data: { ...data, inResponseTo: command.input.inResponseTo } }];
}

/** A settlement for less than the balance compromises the difference; either way a plan follows. */
const agree: Decide<'AgreeSettlement'> = (command, { open, outstanding, dated, supervisor }) => {
  const { input } = command;
  supervisor('A settlement agreement');
  if (input.acceptedOfferId && !open.offers.some((o) => o.offerId === input.acceptedOfferId))
    throw new OfferNotFoundError(input.acceptedOfferId);
  if (outstanding === 0) throw new NothingOutstandingError('A settlement');
  if (input.amountCents > outstanding)
    throw new ExceedsOutstandingError('A settlement', input.amountCents, outstanding);
  const agreedOn = dated('agreedOn', input.agreedOn);
  const installments = numbered(input.installments);
  const events: CollectionEvent[] = [
    {
      type: 'SettlementAgreed',
      data: {
        settlementId: command.settlementId,
        ...(input.acceptedOfferId ? { acceptedOfferId: input.acceptedOfferId } : {}),
        agreedOn,
        amountCents: input.amountCents,
        installments,
        nonMonetaryTerms: input.nonMonetaryTerms ?? [],
        approvedBy: command.actor.id,
      },
    },
  ];
  const reduction = outstanding - input.amountCents;
  if (reduction > 0) {
    if (!input.compromiseReason) throw new CompromiseReasonRequiredError(input.amountCents, outstanding);
    events.push({
      type: 'DebtCompromised',
      data: {
        compromiseId: command.compromiseId,
        kind: 'compromise',
        settlementId: command.settlementId,
        decidedOn: agreedOn,
        amountCents: reduction,
        allocations: allocateAcrossWorkers(cents(reduction), outstandingByWorker(open)),
        reason: input.compromiseReason,
        approvedBy: command.actor.id,
      },
    });
  }
  events.push({
    type: 'PaymentPlanEstablished',
    data: {
      planId: command.planId,
      basis: 'settlement',
      sourceId: command.settlementId,
      establishedOn: agreedOn,
      installments,
    },
  });
  return events;
};

const issueOrder: Decide<'IssueOrder'> = (command, { outstanding, dated }) => {
  const { input } = command;
  if (input.amountCents > outstanding)
    throw new ExceedsOutstandingError('An order', input.amountCents, outstanding);
  return [
    {
      type: 'OrderIssued',
      data: {
        orderId: command.orderId,
        kind: input.kind,
        issuedOn: dated('issuedOn', input.issuedOn),
        amountCents: input.amountCents,
        dueOn: input.dueOn,
        ...(input.issuer ? { issuer: input.issuer } : {}),
      },
    },
  ];
};

const enterJudgment: Decide<'EnterJudgment'> = (command, { outstanding, dated }) => {
  const { input } = command;
  if (input.amountCents > outstanding)
    throw new ExceedsOutstandingError('A judgment', input.amountCents, outstanding);
  return [
    {
      type: 'JudgmentEntered',
      data: {
        judgmentId: command.judgmentId,
        court: input.court,
        docketNumber: input.docketNumber,
        enteredOn: dated('enteredOn', input.enteredOn),
        amountCents: input.amountCents,
        interestRateBasisPoints: input.interestRateBasisPoints,
      },
    },
  ];
};

const establishPlan: Decide<'EstablishPaymentPlan'> = (command, { outstanding, dated }) => {
  const { input } = command;
  if (outstanding === 0) throw new NothingOutstandingError('A payment plan');
  const sum = input.installments.reduce((s, i) => s + i.amountCents, 0);
  if (sum > outstanding) throw new ExceedsOutstandingError('A payment plan', sum, outstanding);
  return [
    {
      type: 'PaymentPlanEstablished',
      data: {
        planId: command.planId,
        basis: input.basis,
        ...(input.sourceId ? { sourceId: input.sourceId } : {}),
        establishedOn: dated('establishedOn', input.establishedOn),
        installments: numbered(input.installments),
      },
    },
  ];
};

export const settlementDecisions: Decisions<
  | 'OfferSettlement'
  | 'CounterSettlement'
  | 'AgreeSettlement'
  | 'IssueOrder'
  | 'EnterJudgment'
  | 'EstablishPaymentPlan'
> = {
  OfferSettlement: offer,
  CounterSettlement: offer,
  AgreeSettlement: agree,
  IssueOrder: issueOrder,
  EnterJudgment: enterJudgment,
  EstablishPaymentPlan: establishPlan,
};
