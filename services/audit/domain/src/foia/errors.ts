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

export class NoClockRuleError extends ValidationError {
  constructor(jurisdiction: string, known: readonly string[]) {
    super('No time limits are on record for this jurisdiction; its requests have no due date.', {
      reason: 'no_clock_rule',
      jurisdiction,
      known,
    });
  }
}

export class OutsideHolidayCalendarError extends ValidationError {
  constructor(date: string, covers: { from: string; to: string }) {
    super('The date is outside the years the holiday calendar lists; days cannot be counted there.', {
      reason: 'outside_holiday_calendar',
      date,
      covers,
    });
  }
}

export class AlreadyExtendedError extends InvalidTransitionError {
  constructor() {
    super('The time limit was already extended; the law allows one extension.', {
      reason: 'already_extended',
    });
  }
}

export class ExtensionTooLongError extends ValidationError {
  constructor(days: number, most: number, source: string) {
    super('The extension is longer than the law allows.', {
      reason: 'extension_too_long',
      field: 'days',
      days,
      most,
      source,
    });
  }
}

export class CircumstanceNotAcceptedError extends ValidationError {
  constructor(circumstance: string, accepted: readonly string[]) {
    super('This law does not accept that circumstance for an extension.', {
      reason: 'circumstance_not_accepted',
      field: 'circumstance',
      circumstance,
      accepted,
    });
  }
}

export class ClockTolledError extends InvalidTransitionError {
  constructor() {
    super('The clock is stopped while the agency waits for the requester.', { reason: 'clock_tolled' });
  }
}

export class ClockNotTolledError extends InvalidTransitionError {
  constructor() {
    super('The clock is running; only a stopped clock can be resumed.', { reason: 'clock_not_tolled' });
  }
}

export class TimeLimitPassedError extends InvalidTransitionError {
  constructor() {
    super('The time limit has passed; there is no time left to stop the clock for.', {
      reason: 'time_limit_passed',
    });
  }
}
