import { EventDataInvalidError } from '@lse/contracts';
import { z } from 'zod';
import type { Metrics } from '../metrics/metrics';
import { DomainError, timedReply, type ServiceReply } from '../reply/service-reply';

/** What the gateway sends: the verified actor, the correlation id, the Idempotency-Key if any. */
export const RequestEnvelope = z.object({
  actor: z.object({
    id: z.string().min(1).max(200),
    role: z.string().min(1).max(50),
    org: z.string().min(1).max(200).optional(),
  }),
  correlationId: z.string().min(1).max(200),
  idempotencyKey: z.string().min(1).max(255).optional(),
  data: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

/**
 * An event the contract refuses is the caller's bad input (a rule the request schema cannot see,
 * e.g. a referral id on a hotline complaint): a validation error naming the fields.
 */
export function asReplyError(err: unknown): unknown {
  if (err instanceof EventDataInvalidError) {
    return new DomainError('validation', 'The request is not valid.', {
      errors: err.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
  return err;
}

/**
 * Every handler's frame, command or query: the envelope parsed, the work done, a contract's
 * refusal answered as a validation error, the reply timed per pattern (timedReply).
 */
export function replyTo<T>(
  metrics: Pick<Metrics, 'timeCommand'>,
  logger: { error(details: object, message: string): unknown },
  pattern: string,
  payload: unknown,
  work: (env: RequestEnvelope) => Promise<T>,
  unexpected = 'command failed unexpectedly',
): Promise<ServiceReply<T>> {
  return timedReply(
    metrics,
    logger,
    pattern,
    async () => {
      try {
        return await work(RequestEnvelope.parse(payload));
      } catch (err) {
        throw asReplyError(err);
      }
    },
    unexpected,
  );
}
