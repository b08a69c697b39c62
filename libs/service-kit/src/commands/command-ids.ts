import { randomUUID } from 'node:crypto';
import { NAMESPACE_LSE, uuidV5 } from '@lse/domain';

/**
 * A command's id. When the client sent an Idempotency-Key, the id derives from it (with the
 * pattern, the target and the caller), so a retry that reaches the service again is recognised by
 * its event ids; otherwise every command is new.
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

/** The id of the command's n-th event: the same on every retry, so the store de-duplicates. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidV5(`${commandId}/event/${index}`, NAMESPACE_LSE);
}

/** Ids a service assigns inside a command (a payment, a complainant, a partner...), stable across retries. */
export function derivedId(commandId: string, what: string): string {
  return uuidV5(`${commandId}/${what}`, NAMESPACE_LSE);
}
