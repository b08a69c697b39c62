import type { CollectionEvent, InstallmentMissed } from '@lse/contracts';
import { utcDateOf, type Decider } from '@lse/domain';
import { closingDecisions } from './closing/closing';
import type { CollectionCommand, CollectionCommandType } from './commands';
import { decisionContext, type Decide, type Decisions } from './decision';
import { disbursementDecisions } from './disbursement/disbursement';
import { evolve } from './evolve';
import { openCase } from './opening/opening';
import { checkInstallments, paymentDecisions } from './payments/payments';
import { DEFAULT_COLLECTIONS_POLICY, type CollectionsPolicy } from './policy';
import { initialCollectionState, type CollectionState } from './state';
import { reopenCase } from './reopening/reopening';
import { settlementDecisions } from './settlement/settlement';

export type CollectionDecider = Decider<CollectionCommand, CollectionEvent, CollectionState>;

/** Commands on an existing, open case; the other two may find no case (or a closed one). */
type OnOpenCase = Exclude<
  CollectionCommandType,
  'OpenCollectionCase' | 'CheckInstallments' | 'ReopenCollectionCase'
>;

/** One use case module per group of commands (the event groups of the collection contracts). */
const decisions: Decisions<OnOpenCase> = {
  ...settlementDecisions,
  ...paymentDecisions,
  ...disbursementDecisions,
  ...closingDecisions,
};

/**
 * The collection case decider. Pure: the command brings time, actor and ids; the policy brings
 * the configured periods. Every refusal is a typed DomainError and produces no event.
 */
export function collectionDecider(policy: CollectionsPolicy = DEFAULT_COLLECTIONS_POLICY): CollectionDecider {
  return { initialState: initialCollectionState, decide: (c, s) => decide(c, s, policy), evolve };
}

function decide(
  command: CollectionCommand,
  state: CollectionState,
  policy: CollectionsPolicy,
): CollectionEvent[] {
  const today = utcDateOf(new Date(command.now));
  if (command.type === 'OpenCollectionCase') return openCase(command, state);
  if (command.type === 'CheckInstallments') return checkInstallments(state, today, policy);
  if (command.type === 'ReopenCollectionCase') return reopenCase(command, state, today);
  const context = decisionContext(command, state, today, policy);
  // The map is keyed by command type, so its entry takes this very command.
  return (decisions[command.type] as Decide<OnOpenCase>)(command, context);
}

export { evolve };
export type { InstallmentMissed };
