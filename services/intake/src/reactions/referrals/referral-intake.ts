import { Inject, Injectable, Logger } from '@nestjs/common';
import { complaintStreamId, ReferralSubmitted } from '@lse/contracts';
import type { Clock } from '@lse/domain';
import type { RecordedEvent } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import { appendReaction, Metrics } from '@lse/service-kit';
import type { ComplaintCommand } from '@lse/intake-domain';
import { CLOCK, COMPLAINT_DECIDER, type ComplaintDecider } from '../../tokens';
import { complaintFromReferral } from './complaint-from-referral';

export const REFERRAL_SUBJECT = 'events.referral.ReferralSubmitted';
const REACTION = 'intake.complaint-from-referral';

/**
 * Intake's reaction to a partner referral: a ComplaintReceived (channel partner_referral, the
 * referral id) under the referral's id, which is the case id. Idempotent (appendReaction): the
 * event id derives from the referral event's id and the append expects no stream, so a
 * redelivery writes nothing. Its durable consumer (`intake-on-referral-submitted`) starts in
 * `runtime/intake-runtime.ts`.
 */
@Injectable()
export class ReferralIntake {
  private readonly logger = new Logger('ReferralIntake');

  constructor(
    private readonly store: SealedEventStore,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async receive(cause: RecordedEvent): Promise<void> {
    const referral = ReferralSubmitted.parse(cause.schemaVersion, cause.data);
    const caseId = cause.streamId.slice(cause.streamId.indexOf('-') + 1);
    const now = this.clock.now().toISOString();
    const { outcome } = await appendReaction({
      store: this.store,
      decider: this.decider,
      metrics: this.metrics,
      cause,
      name: REACTION,
      singleEvent: true,
      streamId: complaintStreamId(caseId),
      startsStream: true,
      sourceService: 'intake',
      now,
      caseId,
      command: (): ComplaintCommand => ({
        type: 'ReceiveComplaint',
        caseId,
        now,
        complaint: complaintFromReferral(caseId, referral),
      }),
    });
    if (outcome === 'appended')
      this.logger.log({ caseId, referral: cause.eventId }, 'complaint received from a partner referral');
    if (outcome === 'stream_exists')
      this.logger.error({ caseId }, 'a complaint already exists under the referral id');
  }
}
