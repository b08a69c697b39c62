import { REFERRAL_CATEGORY, type FoiaRecordRequest, type ReferralSubmitted } from '@lse/contracts';
import type { RecordSectionsInput, ReferralFacts, ReferralStatus } from '@lse/audit-domain';
import type { EventStore } from '@lse/event-store';
import { dataOf, readAllAsOf } from './read';

/** The referral's status after each of its lifecycle events (the latest as of the cut-off holds). */
const STATUS_AFTER: Record<string, ReferralStatus> = {
  ReferralSubmitted: 'submitted',
  ReferralAccepted: 'accepted',
  ReferralDeclined: 'declined',
  ReferralClosed: 'closed',
};

/**
 * The facts of every referral of the named partners as of the cut-off, from the referral streams'
 * lifecycle events only: workers are counted, never read further (their names, consent and
 * contacts stay in the store). The period is of the submission date (UTC), both days included;
 * `countReferrals` (audit-domain) applies it, and the package withholds small cells.
 */
export async function gatherReferralStatistics(
  store: EventStore,
  records: readonly FoiaRecordRequest[],
  cutoff: string,
): Promise<RecordSectionsInput['referralStatistics']> {
  const named = records.flatMap((r) => (r.kind === 'referral_statistics' ? [r] : []));
  if (named.length === 0) return [];
  const events = await readAllAsOf(
    store,
    { categories: [REFERRAL_CATEGORY], types: Object.keys(STATUS_AFTER) },
    cutoff,
  );
  const byStream = new Map<string, { partnerId: string; facts: ReferralFacts }>();
  for (const e of events) {
    if (e.type === 'ReferralSubmitted') {
      const d = dataOf<ReferralSubmitted>(e);
      byStream.set(e.streamId, {
        partnerId: d.partnerId,
        facts: {
          submittedOn: new Date(d.submittedAt).toISOString().slice(0, 10),
          status: 'submitted',
          // Intake's rule (complaint-from-referral.ts): a consulate's referral is its own channel.
          channel: d.partnerType === 'consulate' ? 'consulate_referral' : 'partner_referral',
          workers: d.workers.length,
        },
      });
      continue;
    }
    const referral = byStream.get(e.streamId);
    if (referral) referral.facts.status = STATUS_AFTER[e.type];
  }
  return named.map(({ partnerId, from, to }) => ({
    partnerId,
    from,
    to,
    referrals: [...byStream.values()].filter((r) => r.partnerId === partnerId).map((r) => r.facts),
  }));
}
