import type { InvestigationEvent } from '@lse/contracts';
import type { Actor, InvestigationCommand, InvestigationCommandType } from './commands';
import {
  AlreadyRecordedError,
  InvestigationClosedError,
  InvestigationNotFoundError,
  NotPermittedError,
  UnknownReferenceError,
  WrongStepError,
} from './errors';
import type { Investigation, InvestigationState } from './state';

/** What every decision on an open investigation works from: the investigation and the shared checks. */
export interface DecisionContext {
  inv: Investigation;
  /** Refuses unless the actor is a supervisor; `what` ends "Only a supervisor may ...". */
  supervisor: (what: string) => void;
  /** Refuses an employer the investigation does not hold; `path` is the field that names it. */
  employer: (path: string, employerId: string) => void;
  /** Refuses new findings, computations or penalties once a determination is approved: it would not be in it. */
  notDetermined: () => void;
}

export type CommandOf<T extends InvestigationCommandType> = Extract<InvestigationCommand, { type: T }>;

/** One use case: the events a command causes on an open investigation, or a typed DomainError. */
export type Decide<T extends InvestigationCommandType> = (
  command: CommandOf<T>,
  context: DecisionContext,
) => InvestigationEvent[];

/** A use case module's decisions, by command type. */
export type Decisions<T extends InvestigationCommandType> = { readonly [K in T]: Decide<K> };

export function requireSupervisor(actor: Actor, what: string): void {
  if (actor.role !== 'supervisor')
    throw new NotPermittedError(`Only a supervisor may ${what}.`, 'supervisor_only');
}

/** Ids are recorded once: a command creating something whose id `exists` is refused. */
export function requireUnique(exists: boolean, what: string, id: string): void {
  if (exists) throw new AlreadyRecordedError(what, id);
}

/** The investigation while it may be worked on; any other state refuses the command. */
function requireOpen(state: InvestigationState, caseId: string): Investigation {
  if (state.status === 'open') return state.investigation;
  if (state.status === 'none') throw new InvestigationNotFoundError(caseId);
  throw new InvestigationClosedError();
}

/** The check every command on an existing investigation passes first (it is open), and the context its use case decides in. */
export function decisionContext(command: InvestigationCommand, state: InvestigationState): DecisionContext {
  const inv = requireOpen(state, command.caseId);
  return {
    inv,
    supervisor: (what) => requireSupervisor(command.actor, what),
    employer: (path, employerId) => {
      if (!inv.employers[employerId]) throw new UnknownReferenceError(path, 'employer', employerId);
    },
    notDetermined: () => {
      if (inv.determination?.approvedBy)
        throw new WrongStepError(
          'A determination is already approved; the findings it rests on can no longer change.',
          'determination_approved',
        );
    },
  };
}
