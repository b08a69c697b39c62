import type { z } from 'zod';
import { DomainError, ValidationError } from '@lse/domain';

export interface FieldIssue {
  /** e.g. `complainants[0].email`, or `(root)`. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(root)';
}

export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Event data that does not match its type's schema, with one readable line per problem. */
export class EventDataInvalidError extends ValidationError {
  constructor(
    readonly eventType: string,
    readonly issues: FieldIssue[],
  ) {
    super(`invalid ${eventType}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, {
      eventType,
      issues,
    });
  }
}

export class UnknownEventTypeError extends DomainError {
  readonly code = 'unknown_event_type';
  constructor(readonly eventType: string) {
    super(`unknown event type '${eventType}'`, { eventType });
  }
}

/** A stored version this code cannot read: newer than the current one (written by newer code), or not a version. */
export class UnsupportedSchemaVersionError extends DomainError {
  readonly code = 'unsupported_schema_version';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
  ) {
    super(`${eventType} schema version ${schemaVersion} is not readable (current is ${currentVersion})`, {
      eventType,
      schemaVersion,
      currentVersion,
    });
  }
}
