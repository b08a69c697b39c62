import { DomainError, InvalidTransitionError, ValidationError } from '@lse/domain';

/*
 * The refusals of a request's life after receipt. Each says what to do instead, and a legal rule
 * cites its provision (`source`).
 */

export class FoiaAlreadyRespondedError extends InvalidTransitionError {
  constructor(status: string) {
    super('The final response to this request was made; only an appeal of it can follow.', {
      reason: 'foia_responded',
      status,
    });
  }
}

export class AlreadyAcknowledgedError extends DomainError {
  readonly code = 'conflict';
  constructor(trackingNumber: string) {
    super('The request was already acknowledged with its tracking number.', {
      reason: 'already_acknowledged',
      trackingNumber,
    });
  }
}

export class ClarificationLimitError extends InvalidTransitionError {
  constructor(most: number, source: string) {
    super(
      `The law allows ${most} request for clarification that stops the clock (${source}); ask the requester without stopping it.`,
      {
        reason: 'clarification_limit',
        most,
        source,
      },
    );
  }
}

export class NoClarificationPendingError extends InvalidTransitionError {
  constructor() {
    super('No clarification is awaited: ask for one first.', { reason: 'no_clarification_pending' });
  }
}

export class FeeAlreadyEstimatedError extends DomainError {
  readonly code = 'conflict';
  constructor() {
    super('A fee was already estimated for this request.', { reason: 'fee_already_estimated' });
  }
}

export class NoFeeEstimatedError extends InvalidTransitionError {
  constructor() {
    super('No fee has been estimated for this request: estimate it first.', { reason: 'no_fee_estimated' });
  }
}

export class FeeWaiverDecidedError extends DomainError {
  readonly code = 'conflict';
  constructor() {
    super('The fee waiver was already decided.', { reason: 'fee_waiver_decided' });
  }
}

export class NoFeeWaiverError extends InvalidTransitionError {
  constructor(source: string) {
    super(`This law provides no fee waiver: the fee is the direct cost of duplication (${source}).`, {
      reason: 'no_fee_waiver',
      source,
    });
  }
}

export class NothingOwedError extends InvalidTransitionError {
  constructor(owedCents: number) {
    super('Nothing more is owed on this request (the fee is paid or waived).', {
      reason: 'nothing_owed',
      owedCents,
    });
  }
}

export class OverpaymentError extends ValidationError {
  constructor(amountCents: number, owedCents: number) {
    super(`The payment is more than the ${owedCents} cents still owed: record at most that.`, {
      reason: 'overpayment',
      field: 'amountCents',
      amountCents,
      owedCents,
    });
  }
}

export class FeeUnpaidError extends InvalidTransitionError {
  constructor(owedCents: number) {
    super(
      `${owedCents} cents of the fee are still owed: record the payment, or grant a waiver, before releasing records.`,
      {
        reason: 'fee_unpaid',
        owedCents,
      },
    );
  }
}

export class UnknownExemptionError extends ValidationError {
  constructor(codes: readonly string[], law: string, known: readonly string[]) {
    super(`A denial cites only exemptions of the request's law (${law}); not in it: ${codes.join(', ')}.`, {
      reason: 'unknown_exemption',
      field: 'exemptions',
      codes,
      law,
      known,
    });
  }
}

export class NoAdministrativeAppealError extends InvalidTransitionError {
  constructor(source: string) {
    super(
      `This law has no administrative appeal: the requester may go to court to enforce the right to the records (${source}).`,
      { reason: 'no_administrative_appeal', source },
    );
  }
}

export class NotYetRespondedError extends InvalidTransitionError {
  constructor() {
    super(
      'There is no final response to appeal yet: an appeal follows a final release, a denial, "no records" or a referral.',
      {
        reason: 'not_yet_responded',
      },
    );
  }
}

export class AppealWindowClosedError extends InvalidTransitionError {
  constructor(closedOn: string, source: string) {
    super(`The time to appeal has passed: an appeal had to be received by ${closedOn} (${source}).`, {
      reason: 'appeal_window_closed',
      closedOn,
      source,
    });
  }
}

export class AppealExistsError extends DomainError {
  readonly code = 'conflict';
  constructor() {
    super('The final response was already appealed.', { reason: 'already_appealed' });
  }
}

export class NoAppealError extends InvalidTransitionError {
  constructor() {
    super('No appeal is pending on this request.', { reason: 'no_appeal_pending' });
  }
}
