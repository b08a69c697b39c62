import { DomainError, InvalidTransitionError, NotFoundError, ValidationError } from '@lse/domain';

/*
 * Typed refusals with codes from the shared table (not_found 404, conflict 409,
 * invalid_transition 422, validation 400); `details.reason` names the rule that refused.
 */

export class NotRegisteredError extends NotFoundError {
  constructor(what: 'partner' | 'agreement' | 'referral' | 'outreach event', id: string) {
    super(`No ${what} with this id.`, { reason: `${what.replace(' ', '_')}_not_found`, id });
  }
}

export class AlreadyExistsError extends DomainError {
  readonly code = 'conflict';
  constructor(what: string, id: string) {
    super(`A ${what} with this id already exists.`, { reason: 'already_exists', id });
  }
}

export class NotAllowedNowError extends InvalidTransitionError {
  constructor(message: string, reason: string, details: Record<string, unknown> = {}) {
    super(message, { reason, ...details });
  }
}

/** A date the rule refuses: the reason names which rule. */
export type InvalidDate =
  | 'signed_in_future'
  | 'expiry_before_effective'
  | 'expiry_before_amendment'
  | 'renewal_not_later'
  | 'held_in_future';

export class InvalidDateError extends ValidationError {
  constructor(path: string, message: string, reason: InvalidDate) {
    super(`${path} ${message}.`, { reason, errors: [{ path, message }] });
  }
}

export class UnknownMemberError extends NotFoundError {
  constructor(what: 'contact' | 'worker', id: string) {
    super(`No ${what} with this id on this record.`, { reason: `${what}_not_found`, id });
  }
}

/**
 * A referral naming an agreement its partner is not a party to. Another organization's agreement
 * and one that does not exist get the same answer, so a partner learns nothing of others'.
 */
export class NotAPartyError extends ValidationError {
  constructor(agreementId: string) {
    const message = 'names no agreement the referring partner is a party to';
    super(`agreementId ${message}.`, {
      reason: 'agreement_not_party',
      id: agreementId,
      errors: [{ path: 'agreementId', message }],
    });
  }
}
