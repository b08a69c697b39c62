import type { InvestigationEvent } from '@lse/contracts';
import type { Decider } from '@lse/domain';
import { closingDecisions } from './closing/closing';
import type { InvestigationCommand, InvestigationCommandType } from './commands';
import { decisionContext, type Decide, type Decisions } from './decision';
import { determinationDecisions } from './determination/determination';
import { evolve } from './evolve';
import { fieldworkDecisions } from './fieldwork/fieldwork';
import { findingDecisions } from './findings/findings';
import { openInvestigation, openingDecisions } from './opening/opening';
import { protectionDecisions } from './protection/protection';
import { reopenInvestigation } from './reopening/reopening';
import { initialState, type InvestigationState } from './state';
import { wageDecisions } from './wages/wages';

/** Commands on an existing, open investigation; the other two may find none (or a closed one). */
type OnOpenInvestigation = Exclude<InvestigationCommandType, 'OpenInvestigation' | 'ReopenInvestigation'>;

/** One use case module per group of commands (the event groups of the investigation contracts). */
const decisions: Decisions<OnOpenInvestigation> = {
  ...openingDecisions,
  ...fieldworkDecisions,
  ...wageDecisions,
  ...findingDecisions,
  ...protectionDecisions,
  ...determinationDecisions,
  ...closingDecisions,
};

/**
 * The investigation decider. Pure: the command brings time, actor and every id. Every refusal is
 * a typed DomainError and produces no event.
 */
export function decide(command: InvestigationCommand, state: InvestigationState): InvestigationEvent[] {
  if (command.type === 'OpenInvestigation') return openInvestigation(command, state);
  if (command.type === 'ReopenInvestigation') return reopenInvestigation(command, state);
  // The map is keyed by command type, so its entry takes this very command.
  return (decisions[command.type] as Decide<OnOpenInvestigation>)(command, decisionContext(command, state));
}

export const investigationDecider: Decider<InvestigationCommand, InvestigationEvent, InvestigationState> = {
  decide,
  evolve,
  initialState,
};

export { evolve };
