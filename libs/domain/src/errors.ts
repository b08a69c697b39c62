/**
 * Refusals raised by deciders. The `code` is stable so that handlers and the gateway can map it
 * (e.g. to an RFC 9457 problem type and HTTP status) without parsing messages.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    /** Machine-readable detail for the caller (field names, current state...). Never secrets. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    // Error subclasses lose their name under some transpilers; keep it for logs.
    this.name = new.target.name;
  }
}

/** The command is not allowed in the aggregate's current state. */
export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
}

/** The command's content is malformed or breaks a business rule on its own. */
export class ValidationError extends DomainError {
  readonly code = 'validation';
}

/** The actor may not do this (e.g. a supervisor approving their own determination). */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

/** The command refers to something that does not exist. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
