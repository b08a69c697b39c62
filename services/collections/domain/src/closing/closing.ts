import { cents } from '@lse/domain';
import { allocateAcrossWorkers } from '../allocation';
import { outstandingByWorker, totals, type Decide, type Decisions } from '../decision';
import {
  CaseNotSettledError,
  DuplicateIdError,
  ExceedsOutstandingError,
  NothingOutstandingError,
} from '../errors';

/* Ending the debt short of full payment (compromise, write-off), and closing the case. */

/** Reduces the balance pro rata across the workers; only a supervisor may. */
const compromise: Decide<'CompromiseDebt'> = (command, { open, outstanding, dated, supervisor }) => {
  const { input } = command;
  supervisor(input.kind === 'write_off' ? 'A write-off' : 'A compromise');
  if (open.compromiseIds.includes(command.compromiseId))
    throw new DuplicateIdError('compromise', command.compromiseId);
  if (outstanding === 0)
    throw new NothingOutstandingError(input.kind === 'write_off' ? 'A write-off' : 'A compromise');
  if (input.amountCents > outstanding)
    throw new ExceedsOutstandingError(
      input.kind === 'write_off' ? 'A write-off' : 'A compromise',
      input.amountCents,
      outstanding,
    );
  return [
    {
      type: 'DebtCompromised',
      data: {
        compromiseId: command.compromiseId,
        kind: input.kind,
        decidedOn: dated('decidedOn', input.decidedOn),
        amountCents: input.amountCents,
        allocations: allocateAcrossWorkers(cents(input.amountCents), outstandingByWorker(open)),
        reason: input.reason,
        approvedBy: command.actor.id,
      },
    },
  ];
};

/** Closes only when nothing is outstanding and nothing collected is still held (all paid out or transferred). */
const close: Decide<'CloseCollectionCase'> = (command, { open, dated }) => {
  const { input } = command;
  const t = totals(open);
  if (t.outstandingCents > 0 || t.undisbursedCents > 0)
    throw new CaseNotSettledError(t.outstandingCents, t.undisbursedCents);
  return [
    {
      type: 'CollectionCaseClosed',
      data: {
        closedOn: dated('closedOn', input.closedOn),
        reason: input.reason,
        ...(input.note ? { note: input.note } : {}),
        collectedCents: t.collectedCents,
        writtenOffCents: t.writtenOffCents,
      },
    },
  ];
};

export const closingDecisions: Decisions<'CompromiseDebt' | 'CloseCollectionCase'> = {
  CompromiseDebt: compromise,
  CloseCollectionCase: close,
};
