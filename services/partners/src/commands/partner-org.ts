import { DomainError, type RequestEnvelope } from '@lse/service-kit';

/** A partner user acts for its organization only. */
export function partnerOrgOf(env: RequestEnvelope): string | undefined {
  if (env.actor.role !== 'partner') return undefined;
  if (!env.actor.org) throw new DomainError('forbidden', 'A partner user must belong to an organization.');
  return env.actor.org;
}
