import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import {
  DomainError,
  ERROR_CODES,
  isServiceReply,
  mappingForCode,
  ProblemException,
  problemType,
} from '@lse/service-kit';
import { errors } from '@nats-io/nats-core';
import { HandlerFailure } from './rpc-wire';

const problem = (code: 'unavailable' | 'timeout' | 'bad_gateway', detail: string) => {
  const m = ERROR_CODES[code];
  return new ProblemException({ type: problemType(m.slug), title: m.title, status: m.status, detail });
};

/** Thrown for a failure reply: the problem filter maps its code (not_found, conflict, ...) to HTTP. */
class ReplyError extends DomainError {}

/**
 * A service's `{ok, value}` becomes the value; `{ok: false, error}` becomes a typed error whose
 * code decides the status. A code the gateway does not know, or no envelope at all, is a 502.
 */
export function valueOfReply<T>(reply: unknown, pattern: string): T {
  if (!isServiceReply(reply))
    throw problem('bad_gateway', `The service behind ${pattern} gave an invalid reply.`);
  if (reply.ok) return reply.value as T;
  const { code, message, details } = reply.error;
  if (!mappingForCode(code) || code === 'internal') {
    throw problem('bad_gateway', `The service behind ${pattern} failed.`);
  }
  throw new ReplyError(code, message, details);
}

/** Thrown while the connection to NATS is down and reconnecting: a 503 now rather than a 504 later. */
export class BusDisconnectedError extends Error {
  constructor() {
    super('NATS connection lost; reconnecting');
  }
}
export const disconnected = () => new BusDisconnectedError();

/** Transport failures: what went wrong on the way, never a hang. Other errors pass through. */
export function transportFailure(failure: unknown, pattern: string, timeoutMs: number): unknown {
  const err = failure instanceof HandlerFailure ? failure.sent : failure;
  if (err instanceof ProblemException || err instanceof DomainError) return err;
  if (err instanceof errors.TimeoutError)
    return problem('timeout', `No answer from ${pattern} within ${timeoutMs} ms.`);
  if (
    err instanceof EmptyResponseException ||
    err instanceof errors.NoRespondersError ||
    (err instanceof errors.RequestError && err.isNoResponders())
  )
    return problem('unavailable', `No service is answering ${pattern}.`);
  if (err instanceof BusDisconnectedError)
    return problem('unavailable', `The message bus is unavailable for ${pattern}.`);
  const text = typeof err === 'string' ? err : err instanceof Error ? err.message : '';
  // The connection's own failures (closed, draining, refused, ...).
  if (
    err instanceof errors.ClosedConnectionError ||
    err instanceof errors.DrainingConnectionError ||
    err instanceof errors.ConnectionError ||
    /connect|nats|closed|draining/i.test(text)
  ) {
    return problem('unavailable', `The message bus is unavailable for ${pattern}.`);
  }
  // An exception thrown inside a service's handler (not an envelope) arrives as an object.
  return problem('bad_gateway', `The service behind ${pattern} failed.`);
}
