import type { DeterminationProposed } from '@lse/contracts';
import type { CommandOf, Decide, DecisionContext, Decisions } from '../decision';
import {
  DeterminationNotFoundError,
  InvalidInputError,
  NotPermittedError,
  UnknownReferenceError,
  WrongStepError,
} from '../errors';
import type { Determination, Investigation } from '../state';
import { issuedDetermination } from './issued';

/*
 * The determination: proposed by the assigned investigator, approved by another person who is a
 * supervisor (docs/architecture.md#invariants), then issued with the amounts owed, for collections.
 */

/** The investigator's proposal, with unspecified parts defaulted to everything recorded so far. */
function proposal(
  command: CommandOf<'ProposeDetermination'>,
  { inv, employer }: DecisionContext,
): DeterminationProposed {
  if (command.actor.role !== 'investigator')
    throw new NotPermittedError('The investigator proposes the determination.', 'investigator_only');
  if (!inv.investigatorId)
    throw new WrongStepError('Assign an investigator before proposing a determination.', 'no_investigator');
  if (command.actor.id !== inv.investigatorId)
    throw new NotPermittedError('Only the assigned investigator proposes the determination.', 'not_assigned');
  if (inv.determination?.approvedBy)
    throw new WrongStepError('A determination is already approved.', 'determination_approved');
  const computationId = command.computationId ?? inv.latestComputationId;
  if (!computationId) throw new WrongStepError('Compute the back wages first.', 'no_computation');
  if (!inv.computations[computationId])
    throw new UnknownReferenceError('computationId', 'computation', computationId);
  const violationIds = command.violationIds ?? Object.keys(inv.violations);
  violationIds.forEach((id, i) => {
    if (!inv.violations[id]) throw new UnknownReferenceError(`violationIds[${i}]`, 'violation', id);
  });
  const penaltyIds = command.penaltyIds ?? Object.keys(inv.penalties);
  penaltyIds.forEach((id, i) => {
    if (!inv.penalties[id]) throw new UnknownReferenceError(`penaltyIds[${i}]`, 'civil penalty', id);
  });
  const employerIds = command.employerIds ?? Object.keys(inv.employers);
  if (employerIds.length === 0) throw new WrongStepError('Add the liable employer first.', 'no_employer');
  employerIds.forEach((id, i) => employer(`employerIds[${i}]`, id));
  // A penalty against an employer the determination does not hold liable could not be collected.
  penaltyIds.forEach((id, i) => {
    if (!employerIds.includes(inv.penalties[id].employerId))
      throw new InvalidInputError(
        `penaltyIds[${i}]`,
        'assessed against an employer not in employerIds',
        'penalty_employer_not_liable',
      );
  });
  return {
    determinationId: command.determinationId,
    proposedBy: command.actor.id,
    computationId,
    violationIds,
    penaltyIds,
    employerIds,
    summary: command.summary,
  };
}

const propose: Decide<'ProposeDetermination'> = (command, context) => [
  { type: 'DeterminationProposed', data: proposal(command, context) },
];

/** The current proposal, when it is the one the command names. */
function pending(inv: Investigation, determinationId: string): Determination {
  const determination = inv.determination;
  if (!determination || determination.proposal.determinationId !== determinationId)
    throw new DeterminationNotFoundError(determinationId);
  return determination;
}

const approve: Decide<'ApproveDetermination'> = (command, { inv, supervisor }) => {
  supervisor('approve a determination');
  const determination = pending(inv, command.determinationId);
  if (determination.approvedBy)
    throw new WrongStepError('This determination is already approved.', 'already_approved');
  // A determination needs a supervisor other than the investigator (docs/architecture.md#invariants).
  if (command.actor.id === determination.proposal.proposedBy)
    throw new NotPermittedError(
      'A determination must be approved by a supervisor other than the investigator who proposed it.',
      'self_approval',
    );
  return [
    {
      type: 'DeterminationApproved',
      data: {
        determinationId: command.determinationId,
        approvedBy: command.actor.id,
        ...(command.note ? { note: command.note } : {}),
      },
    },
  ];
};

const issue: Decide<'IssueDetermination'> = (command, { inv }) => {
  const determination = pending(inv, command.determinationId);
  if (determination.issuedAt)
    throw new WrongStepError('This determination was already issued.', 'already_issued');
  if (!determination.approvedBy)
    throw new WrongStepError(
      'A supervisor must approve the determination before it is issued.',
      'not_approved',
    );
  return [{ type: 'DeterminationIssued', data: issuedDetermination(inv, command.now) }];
};

export const determinationDecisions: Decisions<
  'ProposeDetermination' | 'ApproveDetermination' | 'IssueDetermination'
> = {
  ProposeDetermination: propose,
  ApproveDetermination: approve,
  IssueDetermination: issue,
};
