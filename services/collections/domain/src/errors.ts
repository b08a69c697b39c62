import {
  DomainError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from '@lse/domain';
import { formatCents, cents } from '@lse/domain';

/*
 * Typed refusals. Codes stay within the shared table (not_found 404, forbidden 403, conflict 409,
 * invalid_transition 422, validation 400) so the gateway maps them; `details.reason` says which.
 */
const money = (n: number) => formatCents(cents(n));

export class CollectionCaseNotFoundError extends NotFoundError {
  constructor(caseId: string) {
    super('No collection case is open under this case id.', { reason: 'collection_case_not_found', caseId });
  }
}

export class CollectionCaseAlreadyOpenedError extends DomainError {
  readonly code = 'conflict';
  constructor(determinationId: string) {
    super('A collection case is already open for this case, from another determination.', {
      reason: 'already_opened',
      determinationId,
    });
  }
}

export class CollectionCaseClosedError extends InvalidTransitionError {
  constructor(closedOn: string) {
    super(
      `The collection case was closed on ${closedOn}; it accepts nothing more (no payments, no disbursements).`,
      {
        reason: 'collection_case_closed',
        closedOn,
      },
    );
  }
}

export class CollectionCaseNotClosedError extends InvalidTransitionError {
  constructor() {
    super('The collection case is open: only a closed case is reopened.', {
      reason: 'collection_case_not_closed',
    });
  }
}

export class SupervisorApprovalRequiredError extends ForbiddenError {
  constructor(what: string) {
    super(`${what} needs a supervisor's approval.`, { reason: 'supervisor_approval_required' });
  }
}

export class FutureDateError extends ValidationError {
  constructor(field: string, date: string, today: string) {
    super(`${field} ${date} is in the future (today is ${today}).`, {
      reason: 'future_date',
      errors: [{ path: field, message: `is after today (${today})` }],
    });
  }
}

export class UnknownPartyError extends ValidationError {
  constructor(field: 'debtorId' | 'workerId', id: string) {
    const who = field === 'debtorId' ? 'debtor liable on this case' : 'worker owed on this case';
    super(`No ${who} has this id.`, {
      reason: field === 'debtorId' ? 'unknown_debtor' : 'unknown_worker',
      errors: [{ path: field, message: `is not a ${who}: ${id}` }],
    });
  }
}

export class ExceedsOutstandingError extends InvalidTransitionError {
  constructor(what: string, amount: number, outstanding: number) {
    super(`${what} of ${money(amount)} exceeds the outstanding balance of ${money(outstanding)}.`, {
      reason: 'exceeds_outstanding',
      amountCents: amount,
      outstandingCents: outstanding,
    });
  }
}

export class OverDisbursementError extends InvalidTransitionError {
  constructor(amount: number, available: number) {
    super(
      `A disbursement of ${money(amount)} exceeds the ${money(available)} collected for this worker and not yet paid out.`,
      { reason: 'exceeds_collected', amountCents: amount, availableCents: available },
    );
  }
}

export class NothingOutstandingError extends InvalidTransitionError {
  constructor(what: string) {
    super(`${what}: nothing is outstanding on this case.`, { reason: 'nothing_outstanding' });
  }
}

export class PaymentNotFoundError extends NotFoundError {
  constructor(paymentId: string) {
    super('No payment with this id was received on this case.', { reason: 'payment_not_found', paymentId });
  }
}

export class PaymentAlreadyReversedError extends InvalidTransitionError {
  constructor(paymentId: string) {
    super('This payment was already reversed.', { reason: 'already_reversed', paymentId });
  }
}

export class PaymentAlreadyDisbursedError extends InvalidTransitionError {
  constructor(paymentId: string) {
    super('Part of this payment was already paid out to workers; recover it before reversing the payment.', {
      reason: 'already_disbursed',
      paymentId,
    });
  }
}

export class OfferNotFoundError extends NotFoundError {
  constructor(offerId: string) {
    super('No settlement offer with this id was made on this case.', { reason: 'offer_not_found', offerId });
  }
}

export class CompromiseReasonRequiredError extends ValidationError {
  constructor(amount: number, outstanding: number) {
    super(
      `A settlement of ${money(amount)} is less than the outstanding ${money(outstanding)}: give a compromiseReason.`,
      {
        reason: 'compromise_reason_required',
        errors: [{ path: 'compromiseReason', message: 'is required' }],
      },
    );
  }
}

export class NoActivePlanError extends InvalidTransitionError {
  constructor() {
    super('There is no active payment plan.', { reason: 'no_active_plan' });
  }
}

export class NoMissedInstallmentError extends InvalidTransitionError {
  constructor() {
    super('No installment of the plan has been missed: a default needs a missed installment.', {
      reason: 'no_missed_installment',
    });
  }
}

export class NothingToEnforceError extends InvalidTransitionError {
  constructor() {
    super(
      'Nothing to enforce yet: escalation needs an order, a judgment, a missed installment or a default.',
      { reason: 'nothing_to_enforce' },
    );
  }
}

export class NothingToDisburseError extends InvalidTransitionError {
  constructor() {
    super('Nothing collected for this worker is waiting to be paid out.', { reason: 'nothing_to_disburse' });
  }
}

export class WorkerAlreadyUnlocatedError extends InvalidTransitionError {
  constructor(since: string) {
    super(`The worker is already recorded as unlocated (since ${since}).`, {
      reason: 'already_unlocated',
      since,
    });
  }
}

export class WorkerNotUnlocatedError extends InvalidTransitionError {
  constructor() {
    super('Only wages held for a worker recorded as unlocated can be transferred.', {
      reason: 'not_unlocated',
    });
  }
}

export class UnclaimedPeriodNotOverError extends InvalidTransitionError {
  constructor(since: string, allowedFrom: string, days: number) {
    super(
      `The worker has been unlocated since ${since}; held wages may go to the unclaimed-wage fund after ${days} days, from ${allowedFrom}.`,
      { reason: 'unclaimed_period_not_over', since, allowedFrom },
    );
  }
}

export class NothingHeldError extends InvalidTransitionError {
  constructor() {
    super('Nothing is held for this worker.', { reason: 'nothing_held' });
  }
}

export class CaseNotSettledError extends InvalidTransitionError {
  constructor(outstanding: number, undisbursed: number) {
    super(
      `The case cannot close: ${money(outstanding)} is still outstanding and ${money(undisbursed)} collected is not yet paid out or transferred.`,
      { reason: 'money_open', outstandingCents: outstanding, undisbursedCents: undisbursed },
    );
  }
}

export class DuplicateIdError extends DomainError {
  readonly code = 'conflict';
  constructor(what: string, id: string) {
    super(`A ${what} with this id was already recorded.`, { reason: 'duplicate_id', id });
  }
}

export class InvalidAmountError extends ValidationError {
  constructor(field: string, amount: number) {
    super(`${field} must be a positive whole number of cents; ${amount} is refused.`, {
      reason: 'invalid_amount',
      errors: [
        { path: field, message: 'must be a positive amount of cents (negative or zero amounts are refused)' },
      ],
    });
  }
}
