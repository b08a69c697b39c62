import type { Decide, Decisions } from '../decision';
import { WrongStepError } from '../errors';

/* Closing the investigation: a supervisor's decision, never over an approved determination left unissued. */

const close: Decide<'CloseInvestigation'> = (command, { inv, supervisor }) => {
  supervisor('close an investigation');
  const determination = inv.determination;
  if (command.reason === 'determination_issued' && !determination?.issuedAt)
    throw new WrongStepError('No determination has been issued.', 'no_determination_issued');
  if (determination?.approvedBy && !determination.issuedAt)
    throw new WrongStepError('Issue the approved determination before closing.', 'determination_pending');
  return [
    {
      type: 'InvestigationClosed',
      data: {
        reason: command.reason,
        closedAt: command.now,
        ...(command.note ? { note: command.note } : {}),
      },
    },
  ];
};

export const closingDecisions: Decisions<'CloseInvestigation'> = { CloseInvestigation: close };
