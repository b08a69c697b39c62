import { DomainError, InvalidTransitionError, NotFoundError, ValidationError } from '@lse/domain';

export class FoiaRequestNotFoundError extends NotFoundError {
  constructor(requestId: string) {
    super('No FOIA request has been received under this id.', {
      reason: 'foia_request_not_found',
      requestId,
    });
  }
}

export class FoiaRequestExistsError extends DomainError {
  readonly code = 'conflict';
  constructor(requestId: string) {
    super('A FOIA request was already received under this id.', { reason: 'already_received', requestId });
  }
}

export class FoiaAlreadyReleasedError extends InvalidTransitionError {
  constructor() {
    super('The response to this request was already released; it accepts no further changes.', {
      reason: 'foia_released',
    });
  }
}

export class CaseNotRequestedError extends ValidationError {
  constructor(caseId: string) {
    super('The case is not one this request asks for.', { reason: 'case_not_requested', caseId });
  }
}

export class FieldNotWithheldError extends ValidationError {
  constructor(path: string) {
    super('That field is not withheld in this package (it is public or does not exist).', {
      reason: 'field_not_withheld',
      path,
    });
  }
}

export class AlreadyOverriddenError extends DomainError {
  readonly code = 'conflict';
  constructor(path: string) {
    super('That field was already released by an override.', { reason: 'already_overridden', path });
  }
}

export class CutoffInFutureError extends ValidationError {
  constructor() {
    super('The cut-off is in the future: a package covers only records that exist.', {
      reason: 'cutoff_in_future',
    });
  }
}

export class UnknownJurisdictionError extends ValidationError {
  constructor(jurisdiction: string, known: readonly string[]) {
    super(
      'No public-records exemption catalog exists for this jurisdiction; the request cannot be compiled.',
      {
        reason: 'unknown_jurisdiction',
        field: 'jurisdiction',
        jurisdiction,
        known,
      },
    );
  }
}
