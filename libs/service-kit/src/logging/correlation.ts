import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

// A caller's id is echoed into logs and headers, so only a bounded, plain token is accepted.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is acceptable, a new UUID otherwise; echoed back. */
export function correlationIdFor(req: IncomingMessage, res?: ServerResponse): string {
  const given = req.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  res?.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** The id pino-http assigned to this request (the correlation id). */
export function correlationIdOf(req: unknown): string {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : randomUUID();
}
