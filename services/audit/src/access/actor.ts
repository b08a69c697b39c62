import { ActorRoleSchema } from '@lse/contracts';
import { ForbiddenError } from '@lse/domain';
import { replyTo, type Metrics, type RequestEnvelope, type ServiceReply } from '@lse/service-kit';
import { z } from 'zod';

/** Who asks, as the gateway verified it (or the CLI's operator). */
export const ActorSchema = z.object({
  id: z.string().min(1).max(200),
  role: ActorRoleSchema,
  org: z.string().min(1).max(200).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** The request envelope with its actor's role one of the product's roles. */
export type AuditRequest = Omit<RequestEnvelope, 'actor'> & { actor: Actor };

export type Role =
  | 'auditor'
  | 'foia_officer'
  | 'intake_officer'
  | 'investigator'
  | 'supervisor'
  | 'collections_officer'
  | 'admin';

/**
 * Audit's handler frame (replyTo): the envelope, its actor a known role, and the handler's own
 * roles checked: the gateway checks roles too; a service never trusts one check alone.
 */
export function auditReply<T>(
  metrics: Pick<Metrics, 'timeCommand'>,
  logger: { error(details: object, message: string): unknown },
  pattern: string,
  payload: unknown,
  roles: Role[] | undefined,
  work: (env: AuditRequest) => Promise<T>,
): Promise<ServiceReply<T>> {
  return replyTo(
    metrics,
    logger,
    pattern,
    payload,
    (env) => {
      const request = { ...env, actor: ActorSchema.parse(env.actor) };
      if (roles && !roles.includes(request.actor.role as Role))
        throw new ForbiddenError('This role may not do that.', { reason: 'role' });
      return work(request);
    },
    'audit request failed unexpectedly',
  );
}
