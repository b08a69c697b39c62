import { addDays, type IsoDate } from '@lse/domain';
import type { Decide, Decisions } from '../decision';
import {
  DuplicateIdError,
  NothingHeldError,
  NothingToDisburseError,
  OverDisbursementError,
  UnclaimedPeriodNotOverError,
  WorkerAlreadyUnlocatedError,
  WorkerNotUnlocatedError,
} from '../errors';
import { workerFigures } from '../ledger';

/*
 * Money going out to the workers: paid to each what was collected for them, or held while they
 * cannot be found and, after the configured period, sent to the unclaimed-wage fund.
 */

/** Pays a worker what was collected for them (by default all of it), never more. */
const disburse: Decide<'IssueDisbursement'> = (command, { open, dated, worker }) => {
  const { input } = command;
  worker(input.workerId);
  if (open.disbursementIds.includes(command.disbursementId))
    throw new DuplicateIdError('disbursement', command.disbursementId);
  const available = workerFigures(open.ledger, input.workerId).undisbursedCents;
  const amount = input.amountCents ?? available;
  if (available === 0) throw new NothingToDisburseError();
  if (amount > available) throw new OverDisbursementError(amount, available);
  return [
    {
      type: 'DisbursementIssued',
      data: {
        disbursementId: command.disbursementId,
        workerId: input.workerId,
        amountCents: amount,
        issuedOn: dated('issuedOn', input.issuedOn),
        method: input.method,
        ...(input.reference ? { reference: input.reference } : {}),
      },
    },
  ];
};

const markUnlocated: Decide<'MarkWorkerUnlocated'> = (command, { open, dated, worker }) => {
  const { input } = command;
  worker(input.workerId);
  const since = open.unlocatedSince[input.workerId];
  if (since) throw new WorkerAlreadyUnlocatedError(since);
  return [
    {
      type: 'WorkerUnlocated',
      data: {
        workerId: input.workerId,
        declaredOn: dated('declaredOn', input.declaredOn),
        heldCents: workerFigures(open.ledger, input.workerId).undisbursedCents,
        ...(input.searchEfforts ? { searchEfforts: input.searchEfforts } : {}),
      },
    },
  ];
};

const transferUnclaimed: Decide<'TransferUnclaimedWages'> = (command, { open, policy, dated, worker }) => {
  const { input } = command;
  worker(input.workerId);
  const since = open.unlocatedSince[input.workerId];
  if (!since) throw new WorkerNotUnlocatedError();
  const transferredOn = dated('transferredOn', input.transferredOn);
  const allowedFrom = addDays(since as IsoDate, policy.unclaimedAfterDays);
  if (transferredOn < allowedFrom)
    throw new UnclaimedPeriodNotOverError(since, allowedFrom, policy.unclaimedAfterDays);
  const held = workerFigures(open.ledger, input.workerId).heldForUnlocatedCents;
  if (held === 0) throw new NothingHeldError();
  return [
    {
      type: 'UnclaimedWagesTransferred',
      data: {
        workerId: input.workerId,
        amountCents: held,
        transferredOn,
        fund: input.fund,
        ...(input.reference ? { reference: input.reference } : {}),
      },
    },
  ];
};

export const disbursementDecisions: Decisions<
  'IssueDisbursement' | 'MarkWorkerUnlocated' | 'TransferUnclaimedWages'
> = {
  IssueDisbursement: disburse,
  MarkWorkerUnlocated: markUnlocated,
  TransferUnclaimedWages: transferUnclaimed,
};
