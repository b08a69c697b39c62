import type { CollectionEvent } from '@lse/contracts';
import type { IsoDate } from '@lse/domain';
import type { CommandOf } from '../decision';
import {
  CollectionCaseNotClosedError,
  CollectionCaseNotFoundError,
  FutureDateError,
  SupervisorApprovalRequiredError,
} from '../errors';
import type { CollectionState } from '../state';

/**
 * Reopening a closed case: the one command a closed case takes (docs/architecture.md#invariants:
 * nothing is appended to a closed case except through an explicit reopen). A supervisor's
 * decision, with the reason (a payment after closing, a bounced check) and a note saying what
 * happened.
 */
export function reopenCase(
  command: CommandOf<'ReopenCollectionCase'>,
  state: CollectionState,
  today: IsoDate,
): CollectionEvent[] {
  if (state.status === 'none') throw new CollectionCaseNotFoundError(command.caseId);
  if (command.actor.role !== 'supervisor') throw new SupervisorApprovalRequiredError('Reopening a case');
  if (state.status !== 'closed') throw new CollectionCaseNotClosedError();
  const reopenedOn = command.input.reopenedOn ?? today;
  if (reopenedOn > today) throw new FutureDateError('reopenedOn', reopenedOn, today);
  return [
    {
      type: 'CollectionCaseReopened',
      data: {
        reopenedOn,
        reason: command.input.reason,
        note: command.input.note,
        reopenedBy: command.actor.id,
      },
    },
  ];
}
