import { DomainError, InvalidTransitionError, NotFoundError } from '@lse/domain';

/** One hold per matter: a second order in the same matter changes nothing (agency records policy). */
export class LegalHoldExistsError extends DomainError {
  readonly code = 'conflict';
  constructor(matterId: string, holdId: string) {
    super('A hold for this matter is already in effect on the case; lift it or use another matter.', {
      reason: 'hold_exists',
      field: 'matterId',
      matterId,
      holdId,
    });
  }
}

export class HoldIdTakenError extends DomainError {
  readonly code = 'conflict';
  constructor(holdId: string) {
    super('A hold with this id was already placed on the case; send a new Idempotency-Key.', {
      reason: 'hold_id_taken',
      holdId,
    });
  }
}

export class LegalHoldNotFoundError extends NotFoundError {
  constructor(holdId: string) {
    super("No hold with this id was placed on the case; GET the case's legal holds for their ids.", {
      reason: 'legal_hold_not_found',
      holdId,
    });
  }
}

export class LegalHoldAlreadyLiftedError extends InvalidTransitionError {
  constructor(holdId: string, liftedAt: string) {
    super('The hold was already lifted; only a hold in effect can be lifted.', {
      reason: 'hold_lifted',
      holdId,
      liftedAt,
    });
  }
}

/** Nothing of a held case is disposed of (agency records policy: the duty to preserve). */
export class UnderLegalHoldError extends InvalidTransitionError {
  constructor(holdIds: string[]) {
    super('The case is under a legal hold: nothing of it may be disposed of until every hold is lifted.', {
      reason: 'under_legal_hold',
      holdIds,
    });
  }
}
