import type { CollectionEvent } from '@lse/contracts';
import type { IsoDate } from '@lse/domain';
import type { CollectionCommand, CollectionCommandType } from './commands';
import {
  CollectionCaseClosedError,
  CollectionCaseNotFoundError,
  FutureDateError,
  InvalidAmountError,
  SupervisorApprovalRequiredError,
  UnknownPartyError,
} from './errors';
import { ledgerView } from './ledger';
import type { CollectionsPolicy } from './policy';
import type { CollectionState, OpenCollection } from './state';

/** What every decision on an open case works from: the case, its balance and the shared checks. */
export interface DecisionContext {
  open: OpenCollection;
  policy: CollectionsPolicy;
  /** The case-wide outstanding balance. */
  outstanding: number;
  /** A date from the input, defaulting to today, never in the future. */
  dated: (field: string, value: string | undefined) => IsoDate;
  /** Refuses `what` unless the actor is a supervisor. */
  supervisor: (what: string) => void;
  /** Refuses a debtor or worker who is not a party to this case. */
  debtor: (debtorId: string) => void;
  worker: (workerId: string) => void;
}

export type CommandOf<T extends CollectionCommandType> = Extract<CollectionCommand, { type: T }>;

/** One use case: the events a command causes on an open case, or a typed DomainError. */
export type Decide<T extends CollectionCommandType> = (
  command: CommandOf<T>,
  context: DecisionContext,
) => CollectionEvent[];

/** A use case module's decisions, by command type. */
export type Decisions<T extends CollectionCommandType> = { readonly [K in T]: Decide<K> };

/** Case-wide outstanding balance and per-worker balances from the ledger. */
export const totals = (state: OpenCollection) => ledgerView(state.ledger).totals;
export const outstandingByWorker = (state: OpenCollection) =>
  ledgerView(state.ledger).workers.map((w) => ({
    workerId: w.workerId,
    outstandingCents: w.outstandingCents,
  }));

function positiveAmount(field: string, amount: unknown): void {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)
    throw new InvalidAmountError(field, Number(amount));
}

function requireOpen(state: CollectionState, caseId: string): OpenCollection {
  if (state.status === 'none') throw new CollectionCaseNotFoundError(caseId);
  if (state.status === 'closed') throw new CollectionCaseClosedError(state.closed.closedOn);
  return state;
}

/**
 * The checks every command on an existing case passes first (the case is open, amounts are
 * positive whole cents), and the context its use case decides in.
 */
export function decisionContext(
  command: CollectionCommand,
  state: CollectionState,
  today: IsoDate,
  policy: CollectionsPolicy,
): DecisionContext {
  const open = requireOpen(state, command.caseId);
  // The contracts refuse these too; the decider does not rely on its callers having parsed them.
  const input = (
    command as { input?: { amountCents?: unknown; installments?: Array<{ amountCents: unknown }> } }
  ).input;
  if (input?.amountCents !== undefined) positiveAmount('amountCents', input.amountCents);
  input?.installments?.forEach((i, n) => positiveAmount(`installments[${n}].amountCents`, i.amountCents));
  return {
    open,
    policy,
    outstanding: totals(open).outstandingCents,
    dated: (field, value) => {
      const date = (value ?? today) as IsoDate;
      if (date > today) throw new FutureDateError(field, date, today);
      return date;
    },
    supervisor: (what) => {
      if (command.actor.role !== 'supervisor') throw new SupervisorApprovalRequiredError(what);
    },
    debtor: (debtorId) => {
      if (!open.debtors.some((d) => d.debtorId === debtorId))
        throw new UnknownPartyError('debtorId', debtorId);
    },
    worker: (workerId) => {
      if (!open.workers.some((w) => w.workerId === workerId))
        throw new UnknownPartyError('workerId', workerId);
    },
  };
}
