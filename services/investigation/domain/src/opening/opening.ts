import type { InvestigationEvent } from '@lse/contracts';
import type { CommandOf, Decide, Decisions } from '../decision';
import { requireUnique } from '../decision';
import { WrongStepError } from '../errors';
import type { InvestigationState } from '../state';

/* Opening the investigation, and who works it: the investigator and the employers held liable. */

/** The reaction to CaseOpened: the only command taken before the investigation exists. */
export function openInvestigation(
  command: CommandOf<'OpenInvestigation'>,
  state: InvestigationState,
): InvestigationEvent[] {
  // Delivered again, it changes nothing.
  if (state.status !== 'none') return [];
  const { caseId, caseNumber, priority, office, openedAt } = command;
  return [{ type: 'InvestigationOpened', data: { caseId, caseNumber, priority, office, openedAt } }];
}

const assign: Decide<'AssignInvestigator'> = (command, { inv, supervisor }) => {
  supervisor('assign or reassign an investigator');
  if (inv.investigatorId === command.investigatorId)
    throw new WrongStepError('This investigator is already assigned.', 'already_assigned');
  return [
    {
      type: 'InvestigatorAssigned',
      data: {
        investigatorId: command.investigatorId,
        ...(inv.investigatorId ? { previousInvestigatorId: inv.investigatorId } : {}),
        assignedBy: command.actor.id,
        assignedAt: command.now,
        ...(command.reason ? { reason: command.reason } : {}),
      },
    },
  ];
};

const addEmployer: Decide<'AddEmployer'> = ({ employer }, { inv }) => {
  requireUnique(!!inv.employers[employer.employerId], 'employer', employer.employerId);
  return [{ type: 'EmployerAdded', data: employer }];
};

export const openingDecisions: Decisions<'AssignInvestigator' | 'AddEmployer'> = {
  AssignInvestigator: assign,
  AddEmployer: addEmployer,
};
