import { Inject, Injectable, Logger } from '@nestjs/common';
import { ComplaintReceived, complaintStreamId, ReferralSubmitted, type ComplaintEvent } from '@lse/contracts';
import { reactionEventId, type Clock } from '@lse/domain';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '@lse/event-store';
import { reactionMetadata } from '@lse/messaging';
import { Metrics } from '@lse/service-kit';
import { CLOCK } from '../complaint/handling/complaint.messages';
import { COMPLAINT_DECIDER, type ComplaintDecider } from '../complaint/handling/complaint-commands.service';
import { complaintFromReferral } from './complaint-from-referral';

export const REFERRAL_SUBJECT = 'events.referral.ReferralSubmitted';
const REACTION = 'intake.complaint-from-referral';

/**
 * Intake's reaction to a partner referral: a ComplaintReceived (channel partner_referral, the
 * referral id) under the referral's id, which is the case id. Idempotent: the event id derives
 * from the referral event's id and the append expects no stream, so a redelivery writes nothing.
 * Its durable consumer (`intake-on-referral-submitted`) starts in `runtime/intake-runtime.ts`.
 */
@Injectable()
export class ReferralIntake {
  private readonly logger = new Logger('ReferralIntake');

  constructor(
    private readonly store: PostgresEventStore,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async receive(cause: RecordedEvent): Promise<void> {
    const referral = ReferralSubmitted.parse(cause.schemaVersion, cause.data);
    const caseId = cause.streamId.slice(cause.streamId.indexOf('-') + 1);
    const streamId = complaintStreamId(caseId);
    const eventId = reactionEventId(cause.eventId, REACTION);
    const recorded = await this.store.readStream(streamId, { toVersion: 1 });
    if (recorded.length > 0) {
      if (recorded[0].eventId !== eventId)
        this.logger.error({ caseId }, 'a complaint already exists under the referral id');
      return;
    }
    const now = this.clock.now().toISOString();
    const decided = this.decider.decide(
      { type: 'ReceiveComplaint', caseId, now, complaint: complaintFromReferral(caseId, referral) },
      this.decider.initialState,
    ) as Extract<ComplaintEvent, { type: 'ComplaintReceived' }>[];
    const event = ComplaintReceived.create({
      eventId,
      data: decided[0].data,
      metadata: { ...reactionMetadata(cause, 'intake', now), caseId } as never,
    });
    try {
      await this.store.append(streamId, [event], 'no_stream');
      this.metrics.eventsAppended.inc({ category: 'complaint', type: 'ComplaintReceived' });
      this.logger.log({ caseId, referral: cause.eventId }, 'complaint received from a partner referral');
    } catch (err) {
      // A concurrent redelivery appended it first: the same event, nothing more to do.
      if (!(err instanceof WrongExpectedVersionError || err instanceof DuplicateEventIdError)) throw err;
    }
  }
}
