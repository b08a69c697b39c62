import { Inject, Injectable, Logger } from '@nestjs/common';
import { agreementEventOf, agreementStreamId, referralStreamId } from '@lse/contracts';
import { replay, utcDateOf, type Clock } from '@lse/domain';
import type { RecordedEvent } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import {
  agreementDecider,
  referralDecider,
  type DisclosureContext,
  type KnownAgreement,
  type ReferralCommand,
  type ReferralState,
} from '@lse/partners-domain';
import { appendReaction, Metrics } from '@lse/service-kit';
import { DataSource } from 'typeorm';
import { CLOCK, PARTNERS_DATA_SOURCE } from '../tokens';
import { AgreementRow } from '../read-models/entities';
import { reactionTo } from './milestones';

const ATTEMPTS = 5;

/**
 * The partners side of a referred case: CaseOpened / ComplaintDeclined / ComplaintReferredOut
 * answer the referral; investigation and collection milestones become disclosures (or
 * withholdings) decided by the policy. Idempotent: each reaction's event ids derive from the
 * cause, and the referral stream is appended at the version the decision was made on, so a
 * consent change appended meanwhile makes it decide again.
 */
@Injectable()
export class ReferralReactions {
  private readonly logger = new Logger('ReferralReactions');

  constructor(
    private readonly store: SealedEventStore,
    @Inject(PARTNERS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async handle(cause: RecordedEvent): Promise<void> {
    const reaction = reactionTo(cause);
    if (!reaction) return;
    // A referral's id is its case id: a case without a referral stream was not referred.
    const caseId = cause.streamId.slice(cause.streamId.indexOf('-') + 1);
    const now = this.clock.now().toISOString();
    const result = await appendReaction({
      store: this.store,
      decider: referralDecider,
      metrics: this.metrics,
      cause,
      name: `partners.referral.${cause.type}`,
      streamId: referralStreamId(caseId),
      sourceService: 'partners',
      now,
      caseId,
      attempts: ATTEMPTS,
      command: (state, recorded) =>
        recorded.length === 0 ? undefined : this.commandFor(reaction, caseId, state, now),
    });
    if (result.outcome === 'appended')
      this.logger.log(
        { referralId: caseId, cause: cause.type, events: result.events.map((e) => e.type) },
        'referral reacted',
      );
  }

  private async commandFor(
    reaction: NonNullable<ReturnType<typeof reactionTo>>,
    referralId: string,
    state: ReferralState,
    now: string,
  ): Promise<ReferralCommand> {
    switch (reaction.kind) {
      case 'decline':
        return { type: 'DeclineReferral', referralId, now, reasonCode: reaction.reasonCode };
      case 'accept':
        return {
          type: 'AcceptReferral',
          referralId,
          now,
          facts: reaction.facts,
          context: await this.context(state, now),
        };
      case 'milestone':
        return {
          type: 'RecordMilestone',
          referralId,
          now,
          facts: reaction.facts,
          context: await this.context(state, now),
        };
      case 'close':
        return reaction.facts
          ? {
              type: 'CloseReferral',
              referralId,
              now,
              reason: reaction.reason,
              facts: reaction.facts,
              context: await this.context(state, now),
            }
          : { type: 'CloseReferral', referralId, now, reason: reaction.reason };
    }
  }

  /**
   * The partner's agreements as they stand now: the read model says which exist, each stream
   * says what it is (so a termination or amendment just appended is never missed).
   */
  async context(state: ReferralState, now: string): Promise<DisclosureContext> {
    const today = utcDateOf(new Date(now));
    if (state.status === 'none') return { agreements: [], today };
    const rows = await this.dataSource
      .getRepository(AgreementRow)
      .createQueryBuilder('a')
      .select('a.agreementId')
      .where(':partner = ANY(a.partnerIds)', { partner: state.referral.partnerId })
      .getMany();
    const agreements: KnownAgreement[] = [];
    for (const { agreementId } of rows) {
      const recorded = await this.store.readStream(agreementStreamId(agreementId));
      agreements.push({
        agreementId,
        state: replay(agreementDecider, recorded.map(agreementEventOf)),
      });
    }
    return { agreements, today };
  }
}
