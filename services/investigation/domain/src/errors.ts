import {
  DomainError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from '@lse/domain';

/*
 * Typed refusals. Codes stay within the shared table (not_found 404, forbidden 403, conflict 409,
 * invalid_transition 422, validation 400) so the gateway maps them; `details.reason` says which.
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

export class NotPermittedError extends ForbiddenError {
  constructor(message: string, reason: string) {
    super(message, { reason });
  }
}

export class AlreadyRecordedError extends DomainError {
  readonly code = 'conflict';
  constructor(what: string, id: string) {
    super(`This ${what} is already recorded.`, { reason: 'already_recorded', what, id });
  }
}

/** A command names something the investigation does not hold: the field says which. */
export class UnknownReferenceError extends ValidationError {
  constructor(path: string, what: string, id: string) {
    super(`Unknown ${what}: ${id}.`, {
      reason: 'unknown_reference',
      errors: [{ path, message: `no ${what} with this id in the investigation` }],
    });
  }
}

export class InvalidInputError extends ValidationError {
  constructor(path: string, message: string) {
    super(message, { reason: 'invalid_input', errors: [{ path, message }] });
  }
}

export class WrongStepError extends InvalidTransitionError {
  constructor(message: string, reason: string) {
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
