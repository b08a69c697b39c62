import type { InvestigationEvent } from '@lse/contracts';
import { requireSupervisor, type CommandOf } from '../decision';
import { InvestigationNotFoundError, WrongStepError } from '../errors';
import type { InvestigationState } from '../state';

/**
 * The one command a closed investigation takes (docs/architecture.md#invariants: nothing is
 * appended to a closed case except through an explicit reopen): a supervisor's, with the reason
 * and what came up.
 */
export function reopenInvestigation(
  command: CommandOf<'ReopenInvestigation'>,
  state: InvestigationState,
): InvestigationEvent[] {
  if (state.status === 'none') throw new InvestigationNotFoundError(command.caseId);
  requireSupervisor(command.actor, 'reopen an investigation');
  if (state.status !== 'closed')
    throw new WrongStepError('The investigation is open: only a closed one is reopened.', 'not_closed');
  return [
    {
      type: 'InvestigationReopened',
      data: {
        reason: command.reason,
        note: command.note,
        reopenedAt: command.now,
        reopenedBy: command.actor.id,
      },
    },
  ];
}
