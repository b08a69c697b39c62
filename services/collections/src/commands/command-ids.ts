import { randomUUID } from 'node:crypto';
import { NAMESPACE_LSE, uuidV5 } from '@lse/domain';

/**
 * A command's id. With an Idempotency-Key it derives from the key (with the pattern, the case and
 * the caller), so a retry that reaches collections again is recognised by its event ids.
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

/** Ids collections assigns inside a command (payment id, plan id...), stable across retries. */
export function derivedId(commandId: string, what: string): string {
  return uuidV5(`${commandId}/${what}`, NAMESPACE_LSE);
}

/** InstallmentMissed's id: from the case, plan and installment only, so replicas agree on it. */
export function missedInstallmentEventId(caseId: string, planId: string, installmentNo: number): string {
  return uuidV5(`collection/${caseId}/plan/${planId}/installment/${installmentNo}/missed`, NAMESPACE_LSE);
}
