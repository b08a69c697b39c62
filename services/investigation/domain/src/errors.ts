import {
  DomainError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from '@lse/domain';

/*
 * Typed refusals. Codes stay within the shared table (not_found 404, forbidden 403, conflict 409,
 * invalid_transition 422, validation 400) so the gateway maps them; `details.reason` names the
 * rule that refused, one reason per rule (the specs assert it).
 */

export class InvestigationNotFoundError extends NotFoundError {
  constructor(caseId: string) {
    super('No investigation has been opened for this case.', { reason: 'investigation_not_found', caseId });
  }
}

/** Nothing is appended to a closed investigation (docs/architecture.md#invariants). */
export class InvestigationClosedError extends InvalidTransitionError {
  constructor() {
    super('The investigation is closed; it accepts no further changes.', { reason: 'investigation_closed' });
  }
}

/** Who may not: the role or the person the rule names. */
export type NotPermitted =
  'supervisor_only' | 'investigator_only' | 'not_assigned' | 'self_approval' | 'not_a_publisher';

export class NotPermittedError extends ForbiddenError {
  constructor(message: string, reason: NotPermitted) {
    super(message, { reason });
  }
}

/** An id is recorded once: the command names what it would have recorded again. */
export class AlreadyRecordedError extends DomainError {
  readonly code = 'conflict';
  constructor(what: string, id: string) {
    super(`This ${what} is already recorded.`, { reason: 'already_recorded', what, id });
  }
}

/** What a command may name that the investigation must already hold. */
export type Reference =
  | 'employer'
  | 'records request'
  | 'evidence'
  | 'record set'
  | 'worker of the record sets'
  | 'violation'
  | 'civil penalty'
  | 'letter request'
  | 'computation';

/** The reason for each kind of reference: `unknown_employer`, `unknown_records_request`... */
const UNKNOWN: Record<Reference, string> = {
  employer: 'unknown_employer',
  'records request': 'unknown_records_request',
  evidence: 'unknown_evidence',
  'record set': 'unknown_record_set',
  'worker of the record sets': 'unknown_worker',
  violation: 'unknown_violation',
  'civil penalty': 'unknown_civil_penalty',
  'letter request': 'unknown_letter_request',
  computation: 'unknown_computation',
};

/** A command names something the investigation does not hold: the field says which. */
export class UnknownReferenceError extends ValidationError {
  constructor(path: string, what: Reference, id: string) {
    super(`Unknown ${what}: ${id}.`, {
      reason: UNKNOWN[what],
      errors: [{ path, message: `no ${what} with this id in the investigation` }],
    });
  }
}

/** Input the contracts accept on its own but the rule refuses. */
export type InvalidInput =
  'worker_id_not_a_worker' | 'due_before_requested' | 'return_before_issued' | 'penalty_employer_not_liable';

export class InvalidInputError extends ValidationError {
  constructor(path: string, message: string, reason: InvalidInput) {
    super(message, { reason, errors: [{ path, message }] });
  }
}

/** A command that comes at the wrong point of the investigation. */
export type WrongStep =
  | 'already_assigned'
  | 'records_complete'
  | 'letter_issued'
  | 'determination_approved'
  | 'no_investigator'
  | 'no_computation'
  | 'no_employer'
  | 'already_approved'
  | 'already_issued'
  | 'not_approved'
  | 'no_determination_issued'
  | 'determination_pending'
  | 'not_closed';

export class WrongStepError extends InvalidTransitionError {
  constructor(message: string, reason: WrongStep) {
    super(message, { reason });
  }
}

export class DeterminationNotFoundError extends NotFoundError {
  constructor(determinationId: string) {
    super('No such determination is pending in this investigation.', {
      reason: 'determination_not_found',
      determinationId,
    });
  }
}
