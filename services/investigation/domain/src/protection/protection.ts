import type { Decide, Decisions } from '../decision';
import { requireUnique } from '../decision';
import { UnknownReferenceError, WrongStepError } from '../errors';

/* Protecting the workers: retaliation concerns, and immigration support letters (U and T visas). */

const flagRetaliationConcern: Decide<'FlagRetaliationConcern'> = ({ concern }, { inv }) => {
  requireUnique(
    inv.retaliationConcerns.some((c) => c.concernId === concern.concernId),
    'retaliation concern',
    concern.concernId,
  );
  return [{ type: 'RetaliationConcernFlagged', data: concern }];
};

const requestLetter: Decide<'RequestImmigrationLetter'> = ({ request }, { inv }) => {
  requireUnique(!!inv.letters[request.letterId], 'letter request', request.letterId);
  return [{ type: 'ImmigrationSupportLetterRequested', data: request }];
};

/** A certification binds the agency: signed by a supervisor, once. */
const issueLetter: Decide<'IssueImmigrationLetter'> = (command, { inv, supervisor }) => {
  supervisor('sign an immigration support letter');
  const letter = inv.letters[command.letterId];
  if (!letter) throw new UnknownReferenceError('letterId', 'letter request', command.letterId);
  if (letter.issued) throw new WrongStepError('This letter was already issued.', 'letter_issued');
  if (command.evidenceId && !inv.evidence[command.evidenceId])
    throw new UnknownReferenceError('evidenceId', 'evidence', command.evidenceId);
  return [
    {
      type: 'ImmigrationSupportLetterIssued',
      data: {
        letterId: command.letterId,
        issuedOn: command.issuedOn,
        signedBy: command.actor.id,
        ...(command.evidenceId ? { evidenceId: command.evidenceId } : {}),
      },
    },
  ];
};

export const protectionDecisions: Decisions<
  'FlagRetaliationConcern' | 'RequestImmigrationLetter' | 'IssueImmigrationLetter'
> = {
  FlagRetaliationConcern: flagRetaliationConcern,
  RequestImmigrationLetter: requestLetter,
  IssueImmigrationLetter: issueLetter,
};
