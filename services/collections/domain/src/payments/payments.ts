import type { CollectionEvent, PaymentReceived } from '@lse/contracts';
import { cents, type IsoDate } from '@lse/domain';
import { allocateAcrossWorkers } from '../allocation';
import { outstandingByWorker, type Decide, type Decisions } from '../decision';
import {
  DuplicateIdError,
  ExceedsOutstandingError,
  NoActivePlanError,
  NoMissedInstallmentError,
  NothingOutstandingError,
  NothingToEnforceError,
  PaymentAlreadyDisbursedError,
  PaymentAlreadyReversedError,
  PaymentNotFoundError,
} from '../errors';
import { missedInstallments } from '../installments';
import { workerFigures } from '../ledger';
import type { CollectionsPolicy } from '../policy';
import type { CollectionState } from '../state';

/*
 * Money coming in and what happens when it does not: payments and their reversal, missed
 * installments, default and the escalations that enforce the debt.
 */

const receive: Decide<'ReceivePayment'> = (command, { open, outstanding, dated, debtor }) => {
  const { input } = command;
  debtor(input.debtorId);
  if (open.payments.some((p) => p.paymentId === command.paymentId))
    throw new DuplicateIdError('payment', command.paymentId);
  if (outstanding === 0) throw new NothingOutstandingError('A payment');
  if (input.amountCents > outstanding)
    throw new ExceedsOutstandingError('A payment', input.amountCents, outstanding);
  const data: PaymentReceived = {
    paymentId: command.paymentId,
    debtorId: input.debtorId,
    amountCents: input.amountCents,
    receivedOn: dated('receivedOn', input.receivedOn),
    method: input.method,
    ...(input.reference ? { reference: input.reference } : {}),
    ...(open.plan ? { planId: open.plan.planId } : {}),
    allocations: allocateAcrossWorkers(cents(input.amountCents), outstandingByWorker(open)),
  };
  return [{ type: 'PaymentReceived', data }];
};

/** A reversal takes back exactly what the payment allocated, so none of it may be paid out yet. */
const reverse: Decide<'ReversePayment'> = (command, { open, dated }) => {
  const { input } = command;
  const payment = open.payments.find((p) => p.paymentId === input.paymentId);
  if (!payment) throw new PaymentNotFoundError(input.paymentId);
  if (payment.reversed) throw new PaymentAlreadyReversedError(input.paymentId);
  for (const share of payment.allocations) {
    if (workerFigures(open.ledger, share.workerId).undisbursedCents < share.amountCents)
      throw new PaymentAlreadyDisbursedError(input.paymentId);
  }
  return [
    {
      type: 'PaymentReversed',
      data: {
        paymentId: payment.paymentId,
        reason: input.reason,
        reversedOn: dated('reversedOn', input.reversedOn),
        amountCents: payment.amountCents,
        allocations: payment.allocations,
        ...(input.note ? { note: input.note } : {}),
      },
    },
  ];
};

/** The scheduled check: runs over every case, so it skips those with nothing to check rather than failing. */
export function checkInstallments(
  state: CollectionState,
  today: IsoDate,
  policy: CollectionsPolicy,
): CollectionEvent[] {
  if (state.status !== 'open' || !state.plan || state.plan.status !== 'active') return [];
  return missedInstallments(state.plan, today, policy.graceDays).map((data): CollectionEvent => ({
    type: 'InstallmentMissed',
    data,
  }));
}

const declareDefault: Decide<'DeclareDefault'> = (command, { open, outstanding, dated }) => {
  const plan = open.plan;
  if (!plan || plan.status !== 'active') throw new NoActivePlanError();
  if (plan.missed.length === 0) throw new NoMissedInstallmentError();
  if (outstanding === 0) throw new NothingOutstandingError('A default');
  return [
    {
      type: 'DefaultDeclared',
      data: {
        planId: plan.planId,
        declaredOn: dated('declaredOn', command.input.declaredOn),
        missedInstallments: [...plan.missed].sort((a, b) => a - b),
        balanceDueCents: outstanding,
        ...(command.input.reason ? { reason: command.input.reason } : {}),
      },
    },
  ];
};

/** Escalation enforces something: an order, a judgment, a default or at least a missed installment. */
const escalate: Decide<'TakeEscalation'> = (command, { open, outstanding, dated, debtor }) => {
  const { input } = command;
  debtor(input.debtorId);
  if (outstanding === 0) throw new NothingOutstandingError('An escalation');
  const enforceable =
    open.orders.length > 0 ||
    open.judgment !== undefined ||
    open.defaults.length > 0 ||
    (open.plan?.missed.length ?? 0) > 0;
  if (!enforceable) throw new NothingToEnforceError();
  return [
    {
      type: 'EscalationTaken',
      data: {
        escalationId: command.escalationId,
        kind: input.kind,
        debtorId: input.debtorId,
        takenOn: dated('takenOn', input.takenOn),
        ...(input.reference ? { reference: input.reference } : {}),
        ...(input.details ? { details: input.details } : {}),
      },
    },
  ];
};

export const paymentDecisions: Decisions<
  'ReceivePayment' | 'ReversePayment' | 'DeclareDefault' | 'TakeEscalation'
> = {
  ReceivePayment: receive,
  ReversePayment: reverse,
  DeclareDefault: declareDefault,
  TakeEscalation: escalate,
};
