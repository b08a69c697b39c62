import type { FoiaEvent } from '@lse/contracts';
import { officeDate } from '../clock/clock';
import { clockRuleFor } from '../clock/rules';
import { resumeClock } from '../clock/tolling';
import { openRequest } from '../open';
import type { FoiaFeeState, FoiaState, OpenFoiaState } from '../state';
import type { FoiaLifecycleCommand } from './commands';
import {
  FeeAlreadyEstimatedError,
  FeeUnpaidError,
  FeeWaiverDecidedError,
  NoFeeEstimatedError,
  NoFeeWaiverError,
  NothingOwedError,
  OverpaymentError,
} from './errors';
import { lifecycleRuleFor } from './rules';

type Command<T extends FoiaLifecycleCommand['type']> = Extract<FoiaLifecycleCommand, { type: T }>;

/** Cents still owed: none once a waiver is granted. */
export function owedCents(fee: FoiaFeeState | undefined): number {
  if (!fee || fee.waiver?.granted) return 0;
  return Math.max(0, fee.estimate.amountCents - fee.paidCents);
}

/**
 * Records are released once the fee the law allows is paid or waived (5 U.S.C. § 552(a)(4)(A);
 * Cal. Gov. Code § 7922.530(a)): a release before that is refused with what is owed.
 */
export function requireFeeSettled(current: OpenFoiaState): void {
  const owed = owedCents(current.lifecycle.fee);
  if (owed > 0) throw new FeeUnpaidError(owed);
}

/** A clock stopped for the fee runs again once nothing is owed. */
function resumedIfSettled(current: OpenFoiaState, owed: number, now: string): FoiaEvent[] {
  return owed === 0 && current.clock.tolled?.reason === 'awaiting_fee_payment'
    ? [{ type: 'FoiaClockResumed', data: resumeClock(current, now) }]
    : [];
}

/** The fee by the requester's category, citing the provision that allows it (one estimate). */
export function decideFeeEstimate(command: Command<'EstimateFoiaFee'>, state: FoiaState): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  if (current.lifecycle.fee) throw new FeeAlreadyEstimatedError();
  const source = lifecycleRuleFor(current.request.jurisdiction).feeSource[command.category];
  const estimatedOn = officeDate(clockRuleFor(current.request.jurisdiction), command.now);
  return [
    {
      type: 'FoiaFeeEstimated',
      data: { category: command.category, amountCents: command.amountCents, source, estimatedOn },
    },
  ];
}

/**
 * A waiver granted or denied under the public-interest test (5 U.S.C. § 552(a)(4)(A)(iii)); the
 * CPRA has none (Cal. Gov. Code § 7922.530(a): the direct cost of duplication).
 */
export function decideFeeWaiver(command: Command<'DecideFoiaFeeWaiver'>, state: FoiaState): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  const waiver = lifecycleRuleFor(current.request.jurisdiction).feeWaiver;
  if (!waiver || 'none' in waiver) throw new NoFeeWaiverError(waiver?.none ?? 'none on record');
  const { fee } = current.lifecycle;
  if (!fee) throw new NoFeeEstimatedError();
  if (fee.waiver) throw new FeeWaiverDecidedError();
  const decidedOn = officeDate(clockRuleFor(current.request.jurisdiction), command.now);
  return [
    {
      type: 'FoiaFeeWaiverDecided',
      data: { granted: command.granted, reason: command.reason, standard: waiver.standard, decidedOn },
    },
    ...resumedIfSettled(current, command.granted ? 0 : owedCents(fee), command.now),
  ];
}

/** A payment toward the fee: never more than is owed. */
export function decidePayment(command: Command<'RecordFoiaPayment'>, state: FoiaState): FoiaEvent[] {
  const current = openRequest(state, command.requestId);
  const { fee } = current.lifecycle;
  if (!fee) throw new NoFeeEstimatedError();
  const owed = owedCents(fee);
  if (owed === 0) throw new NothingOwedError(owed);
  if (command.amountCents > owed) throw new OverpaymentError(command.amountCents, owed);
  const paidOn = officeDate(clockRuleFor(current.request.jurisdiction), command.now);
  return [
    { type: 'FoiaFeePaid', data: { amountCents: command.amountCents, method: command.method, paidOn } },
    ...resumedIfSettled(current, owed - command.amountCents, command.now),
  ];
}
