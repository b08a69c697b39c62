import type { Metrics } from '../metrics/metrics';
import { describeError } from '../problems/describe-error';
import { mappingForCode } from '../problems/error-codes';
import { fieldErrorsFromZod, type ZodLikeIssue } from '../problems/field-errors';

/** Who asks: from the gateway's verified token, and what goes into event metadata. */
export interface ServiceActor {
  id: string;
  role: string;
  org?: string;
}

/** What the gateway sends to `<service>.<verb>` over NATS request/reply. */
export interface ServiceRequest<T = unknown> {
  actor: ServiceActor;
  correlationId: string;
  data: T;
}

export interface ServiceError {
  /** A code from ERROR_CODES (validation, not_found, conflict, ...); the gateway maps it to HTTP. */
  code: string;
  /** Safe to show a client: no personal data, no stack. */
  message: string;
  details?: unknown;
}

/** Every reply is one of these; a thrown error never crosses the wire. */
export type ServiceReply<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

export const ok = <T>(value: T): ServiceReply<T> => ({ ok: true, value });
export const fail = (code: string, message: string, details?: unknown): ServiceReply<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** A typed error for domain and service code; `code` selects the HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function toServiceError(err: unknown): ServiceError {
  if (typeof err === 'object' && err !== null) {
    const e = err as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      details?: unknown;
      issues?: unknown;
    };
    if (e.name === 'ZodError' && Array.isArray(e.issues)) {
      return {
        code: 'validation',
        message: 'The request is not valid.',
        details: { errors: fieldErrorsFromZod(e.issues as ZodLikeIssue[]) },
      };
    }
    if (typeof e.code === 'string' && mappingForCode(e.code)) {
      const error: ServiceError = {
        code: e.code,
        message: typeof e.message === 'string' ? e.message : e.code,
      };
      if (e.details !== undefined) error.details = e.details;
      return error;
    }
  }
  return { code: 'internal', message: 'An unexpected error occurred.' };
}

/** Runs a handler and wraps its result or typed failure; unexpected errors go to `onUnexpected`. */
export async function toReply<T>(
  handler: () => T | Promise<T>,
  onUnexpected?: (err: unknown) => void,
): Promise<ServiceReply<T>> {
  try {
    return ok(await handler());
  } catch (err) {
    const error = toServiceError(err);
    if (error.code === 'internal') onUnexpected?.(err);
    return { ok: false, error };
  }
}

export function isServiceReply(value: unknown): value is ServiceReply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  return v.ok === true ? 'value' in v : v.ok === false && typeof v.error?.code === 'string';
}

/**
 * One request/reply handler's frame, the same in every service: runs `handler` and replies
 * (toReply), timed per pattern with its outcome (`ok` or the error's code); an unexpected error
 * is logged with the pattern and its description only, never case content.
 */
export function timedReply<T>(
  metrics: Pick<Metrics, 'timeCommand'>,
  logger: { error(details: object, message: string): unknown },
  pattern: string,
  handler: () => Promise<T>,
  message = 'request failed unexpectedly',
): Promise<ServiceReply<T>> {
  return metrics.timeCommand(
    pattern,
    () => toReply(handler, (err) => logger.error({ pattern, error: describeError(err) }, message)),
    (reply) => (reply.ok ? 'ok' : reply.error.code),
  );
}
