import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import {
  DomainError,
  ERROR_CODES,
  isServiceReply,
  mappingForCode,
  ProblemException,
  problemType,
} from '@lse/service-kit';
import { TimeoutError } from 'rxjs';

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

/** Transport failures: what went wrong on the way, never a hang. Other errors pass through. */
export function transportFailure(err: unknown, pattern: string, timeoutMs: number): unknown {
  if (err instanceof ProblemException || err instanceof DomainError) return err;
  if (err instanceof TimeoutError)
    return problem('timeout', `No answer from ${pattern} within ${timeoutMs} ms.`);
  if (err instanceof EmptyResponseException)
    return problem('unavailable', `No service is answering ${pattern}.`);
  const code = (err as { code?: unknown } | null)?.code;
  const text = typeof err === 'string' ? err : err instanceof Error ? err.message : '';
  // nats.js errors carry codes (CONNECTION_REFUSED, 503 no responders...); Nest rejects with strings.
  if (typeof code === 'string' || /connect|nats|closed|draining/i.test(text)) {
    return problem('unavailable', `The message bus is unavailable for ${pattern}.`);
  }
  // An exception thrown inside a service's handler (not an envelope) arrives as an object.
  return problem('bad_gateway', `The service behind ${pattern} failed.`);
}
