import { Inject, Injectable, Logger } from '@nestjs/common';
import { referralStreamId } from '@lse/contracts';
import { reactionEventId, replay, utcDateOf } from '@lse/domain';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '@lse/event-store';
import { reactionMetadata } from '@lse/messaging';
import {
  agreementDecider,
  referralDecider,
  type DisclosureContext,
  type KnownAgreement,
  type ReferralCommand,
  type ReferralState,
} from '@lse/partners-domain';
import type { ReferralEvent, AgreementEvent } from '@lse/contracts';
import { agreementStreamId } from '@lse/contracts';
import { Metrics } from '@lse/service-kit';
import type { Clock } from '@lse/domain';
import { DataSource } from 'typeorm';
import { CLOCK, PARTNERS_DATA_SOURCE } from '../config';
import { eventOf, newEvent } from '../commands/streams';
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
    private readonly store: PostgresEventStore,
    @Inject(PARTNERS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async handle(cause: RecordedEvent): Promise<void> {
    const reaction = reactionTo(cause);
    if (!reaction) return;
    // A referral's id is its case id: a case without a referral stream was not referred.
    const caseId = cause.streamId.slice(cause.streamId.indexOf('-') + 1);
    const streamId = referralStreamId(caseId);
    const name = `partners.referral.${cause.type}`;
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      if (recorded.length === 0) return;
      if (recorded.some((e) => e.eventId === reactionEventId(cause.eventId, `${name}/0`))) return;
      const state = replay(
        referralDecider,
        recorded.map((r) => eventOf<ReferralEvent>(r)),
      );
      const now = this.clock.now().toISOString();
      const command = await this.commandFor(reaction, caseId, state, now);
      const decided = referralDecider.decide(command, state);
      if (decided.length === 0) return;
      const metadata = { ...reactionMetadata(cause, 'partners', now), caseId };
      const events = decided.map((e, i) =>
        newEvent(reactionEventId(cause.eventId, `${name}/${i}`), e, metadata),
      );
      try {
        await this.store.append(streamId, events, recorded.length);
        for (const e of decided) this.metrics.eventsAppended.inc({ category: 'referral', type: e.type });
        this.logger.log(
          { referralId: caseId, cause: cause.type, events: decided.map((e) => e.type) },
          'referral reacted',
        );
        return;
      } catch (err) {
        const retry = err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError;
        if (!retry || attempt >= ATTEMPTS) throw err;
      }
    }
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
        state: replay(
          agreementDecider,
          recorded.map((r) => eventOf<AgreementEvent>(r)),
        ),
      });
    }
    return { agreements, today };
  }
}
