import type { ExpectedVersion } from './port';

/** Base class: every refusal of the store carries a stable code the API maps to a status. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the expected version: someone else wrote first (HTTP 409). */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'wrong_expected_version';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
  }
}

/** An event id was stored before with different content: a bug, never a retry. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'duplicate_event_id';
  constructor(readonly eventId: string) {
    super(`event ${eventId} is already stored with different content`);
  }
}

/** A service may append only to the stream categories it owns (DESIGN.md section 3). */
export class CategoryNotOwnedError extends EventStoreError {
  readonly code = 'category_not_owned';
  constructor(
    readonly category: string,
    readonly service: string,
  ) {
    super(`service ${service} does not own stream category ${category}`);
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'invalid_append';
}
