import { randomUUID } from 'node:crypto';
import { NAMESPACE_LSE, uuidV5 } from '@lse/domain';
import { DomainError, Metrics, timedReply, type ServiceReply } from '@lse/service-kit';
import type { Logger } from '@nestjs/common';
import { z } from 'zod';

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
 * A command's id: derived from the Idempotency-Key (with the pattern, the target and the caller)
 * so a retry reaching the service again is recognised by its event ids; otherwise new.
 */
export function commandIdFor(
  pattern: string,
  scope: string,
  actorId: string,
  idempotencyKey?: string,
): string {
  if (!idempotencyKey) return randomUUID();
  return uuidV5(`${pattern}\n${scope}\n${actorId}\n${idempotencyKey}`, NAMESPACE_LSE);
}

/** Ids assigned inside a command (a new partner, a contact), stable across its retries. */
export const derivedId = (commandId: string, what: string) => uuidV5(`${commandId}/${what}`, NAMESPACE_LSE);

/** A partner user acts for its organization only. */
export function partnerOrgOf(env: RequestEnvelope): string | undefined {
  if (env.actor.role !== 'partner') return undefined;
  if (!env.actor.org) throw new DomainError('forbidden', 'A partner user must belong to an organization.');
  return env.actor.org;
}

/** Runs one request: parse the envelope, do the work, reply with a value or a typed error. */
export function handleRequest<T>(
  metrics: Metrics,
  logger: Logger,
  pattern: string,
  payload: unknown,
  work: (env: RequestEnvelope) => Promise<T>,
): Promise<ServiceReply<T>> {
  return timedReply(metrics, logger, pattern, () => work(RequestEnvelope.parse(payload)));
}
