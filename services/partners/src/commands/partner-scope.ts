import { referralStreamId } from '@lse/contracts';
import { ForbiddenError } from '@lse/domain';
import { NotRegisteredError, referralDecider, type ReferralState } from '@lse/partners-domain';
import { DomainError, type RequestEnvelope, type StreamCommands } from '@lse/service-kit';

/** A partner user acts for its organization only. */
export function partnerOrgOf(env: RequestEnvelope): string | undefined {
  if (env.actor.role !== 'partner') return undefined;
  if (!env.actor.org) throw new DomainError('forbidden', 'A partner user must belong to an organization.');
  return env.actor.org;
}

/** A partner user filters by its own organization or by none; naming another is a 403. */
export function refuseForeignFilter(partnerId: string | undefined, org: string): void {
  if (partnerId !== undefined && partnerId !== org)
    throw new ForbiddenError('A partner user sees only its own organization’s records.', {
      reason: 'filter_not_allowed',
      errors: [
        { path: 'partnerId', message: 'must be the caller’s own organization (the token’s org) or absent' },
      ],
    });
}

/** The referral, if it exists and the caller may see it; otherwise not_found, revealing nothing. */
export async function visibleReferral(commands: StreamCommands, env: RequestEnvelope, id: string) {
  const loaded = await commands.load(referralDecider, referralStreamId(id));
  const org = partnerOrgOf(env);
  if (loaded.state.status === 'none' || (org && loaded.state.referral.partnerId !== org))
    throw new NotRegisteredError('referral', id);
  return loaded as typeof loaded & { state: Exclude<ReferralState, { status: 'none' }> };
}

/** The referred workers' consents, in the referral's order. */
export function consentsOf(state: ReferralState) {
  if (state.status === 'none') return [];
  return state.referral.workerIds.map((id) => state.referral.consents[id]);
}
