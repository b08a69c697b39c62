import { DomainError, InvalidTransitionError, NotFoundError, ValidationError } from '@lse/domain';
import type { ComplaintState } from './state';

/*
 * Typed refusals. Codes stay within the shared table (not_found 404, conflict 409,
 * invalid_transition 422, validation 400) so the gateway maps them; `details.reason` says which.
 */

export class ComplaintNotFoundError extends NotFoundError {
  constructor(caseId: string) {
    super('No complaint has been received under this case id.', { reason: 'complaint_not_found', caseId });
  }
}

export class ComplaintAlreadyReceivedError extends DomainError {
  readonly code = 'conflict';
  constructor(caseId: string) {
    super('A complaint was already received under this case id.', { reason: 'already_received', caseId });
  }
}

/** Declined, withdrawn, referred out or linked as a duplicate: nothing more is appended. */
export class ComplaintClosedError extends InvalidTransitionError {
  constructor(status: ComplaintState['status']) {
    super(`The complaint is ${status.replace('_', ' ')}; it accepts no further changes.`, {
      reason: 'complaint_closed',
      status,
    });
  }
}

/** Once the case is opened the complaint belongs to the investigation. */
export class CaseAlreadyOpenedError extends InvalidTransitionError {
  constructor(caseNumber: string) {
    super(`A case was already opened for this complaint (${caseNumber}).`, {
      reason: 'case_already_opened',
      caseNumber,
    });
  }
}

export class TriageRequiredError extends InvalidTransitionError {
  constructor() {
    super('Score the triage before opening a case: the case takes its priority.', {
      reason: 'triage_required',
    });
  }
}

export class OutOfJurisdictionError extends InvalidTransitionError {
  constructor() {
    super('The complaint was assessed as outside the jurisdiction: refer it out or decline it.', {
      reason: 'out_of_jurisdiction',
    });
  }
}

export class UnknownStatuteError extends ValidationError {
  constructor(statute: string, known: string[]) {
    super(`No limitation period is configured for statute "${statute}".`, {
      reason: 'unknown_statute',
      errors: [{ path: 'statute', message: `expected one of: ${known.join(', ')}` }],
    });
  }
}

export class SelfDuplicateError extends ValidationError {
  constructor() {
    super('A complaint cannot be a duplicate of itself.', {
      reason: 'self_duplicate',
      errors: [{ path: 'duplicateOfCaseId', message: 'is this complaint itself' }],
    });
  }
}

export class ReceivedInFutureError extends ValidationError {
  constructor() {
    super('receivedAt is in the future.', {
      reason: 'received_in_future',
      errors: [{ path: 'receivedAt', message: 'is after now' }],
    });
  }
}

/** A link (duplicate, related, merge) names a case intake has no complaint for. */
export class LinkTargetNotFoundError extends ValidationError {
  constructor(field: string, caseId: string) {
    super('The case linked to does not exist.', {
      reason: 'link_target_not_found',
      caseId,
      errors: [{ path: field, message: 'no complaint or case has this id' }],
    });
  }
}

/** A link to a case that is itself closed (declined, withdrawn, referred out, a duplicate, merged). */
export class LinkTargetClosedError extends InvalidTransitionError {
  constructor(field: string, status: ComplaintState['status']) {
    super(`The case linked to is ${status.replace('_', ' ')}: link to the case that survives it.`, {
      reason: 'link_target_closed',
      field,
      status,
    });
  }
}

export class SelfLinkError extends ValidationError {
  constructor(field: string) {
    super('A case cannot be linked to itself.', {
      reason: 'self_link',
      errors: [{ path: field, message: 'is this case itself' }],
    });
  }
}

export class AlreadyRelatedError extends DomainError {
  readonly code = 'conflict';
  constructor(caseId: string) {
    super('The cases are already linked as related.', { reason: 'already_related', caseId });
  }
}
