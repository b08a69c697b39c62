import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';

/**
 * The bytes of a request/reply call as Nest's NATS transport writes and reads them, so services
 * (Nest microservices, `@MessagePattern`) answer the gateway's direct requests unchanged:
 *
 * - request: JSON `{pattern, data, id}`; the id is what makes it a request rather than an event;
 * - reply: JSON `{id, response, isDisposed}`, or `{id, err, isDisposed}` when the handler threw;
 *   a handler returning a promise or a value answers in one message.
 */
let sequence = 0;
const idPrefix = `${process.pid.toString(36)}-${Date.now().toString(36)}-`;

export function encodeRequest(subject: string, data: unknown): Uint8Array {
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
  return Buffer.from(JSON.stringify({ pattern: subject, data, id: idPrefix + sequence.toString(36) }));
}

/** A service's handler threw instead of replying with an envelope; `sent` is what Nest sent for it. */
export class HandlerFailure extends Error {
  constructor(readonly sent: unknown) {
    super('the service handler failed');
  }
}

/**
 * The reply's value. A handler's exception (not an envelope) is a HandlerFailure, an empty
 * message (a status without payload) Nest's EmptyResponseException; the caller maps both
 * (reply-mapping.ts).
 */
export function decodeReply(bytes: Uint8Array, subject: string): unknown {
  if (bytes.length === 0) throw new EmptyResponseException(subject);
  const reply = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')) as {
    err?: unknown;
    response?: unknown;
  } | null;
  if (reply?.err) throw new HandlerFailure(reply.err);
  return reply?.response;
}
