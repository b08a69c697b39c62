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

/** A service appends only to the stream categories it owns (docs/architecture.md#what-each-service-owns). */
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

/**
 * Every event is published to JetStream as one message, and a NATS message is at most 1 MiB: a
 * larger event could be stored but never relayed, and would hold back every later event of its
 * service. So the store refuses it before anything is written (HTTP 413).
 */
export class EventTooLargeError extends EventStoreError {
  readonly code = 'event_too_large';
  readonly details: { reason: 'event_too_large'; eventType: string; bytes: number; limit: number };
  constructor(eventType: string, bytes: number, limit: number) {
    super(
      `A ${eventType} event would be ${bytes} bytes; at most ${limit} bytes can be recorded as one event. ` +
        'Send the content in smaller parts.',
    );
    this.details = { reason: 'event_too_large', eventType, bytes, limit };
  }
}
