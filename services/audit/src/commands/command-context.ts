import type { Clock } from '@lse/service-kit';
import type { AuditRequest } from '../access/actor';
import type { CallContext } from '../foia/foia-desk';

/**
 * What every audit command runs with: the verified actor, the correlation and Idempotency-Key,
 * the time from the service's CLOCK, and the If-Match version when the request has one.
 */
export const commandContext = (
  env: AuditRequest,
  clock: Clock,
  expectedVersion?: number | 'any',
): CallContext => ({
  actor: env.actor,
  correlationId: env.correlationId,
  ...(env.idempotencyKey !== undefined ? { idempotencyKey: env.idempotencyKey } : {}),
  now: clock.now(),
  ...(expectedVersion !== undefined ? { expectedVersion } : {}),
});
