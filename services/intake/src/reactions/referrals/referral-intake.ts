import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ComplaintReceived, complaintStreamId, ReferralSubmitted, type ComplaintEvent } from '@lse/contracts';
import { reactionEventId, type Clock } from '@lse/domain';
import {
  DuplicateEventIdError,
  PostgresEventStore,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '@lse/event-store';
import { DurableConsumer, ensureStreams, reactionMetadata, RECONNECT_FOREVER } from '@lse/messaging';
import { describeError, Metrics } from '@lse/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { CLOCK } from '../../commands/complaint.messages';
import { COMPLAINT_DECIDER, type ComplaintDecider } from '../../commands/complaint-commands.service';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config';
import { complaintFromReferral } from './complaint-from-referral';

export const REFERRAL_SUBJECT = 'events.referral.ReferralSubmitted';
const REACTION = 'intake.complaint-from-referral';

/**
 * Intake's reaction to a partner referral: a ComplaintReceived (channel partner_referral, the
 * referral id) under the referral's id, which is the case id. Idempotent: the event id derives
 * from the referral event's id and the append expects no stream, so a redelivery writes nothing.
 */
@Injectable()
export class ReferralIntake implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReferralIntake');
  private nc?: NatsConnection;
  private consumer?: DurableConsumer;

  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    private readonly store: PostgresEventStore,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter cannot resolve transport-node's types; tsc checks them
    const nc: NatsConnection = await connect({
      servers: this.config.NATS_URL.split(',').map((s) => s.trim()),
      name: 'lse-intake-referrals',
      ...RECONNECT_FOREVER,
    });
    this.nc = nc;
    const jsm = await ensureStreams(nc);
    const schema = this.config.INTAKE_SCHEMA;
    this.consumer = new DurableConsumer({
      nc,
      jsm,
      name:
        schema === 'intake'
          ? 'intake-on-referral-submitted'
          : `intake-on-referral-submitted-${schema.replace(/_/g, '-')}`,
      filterSubject: REFERRAL_SUBJECT,
      types: ['ReferralSubmitted'],
      handle: (event) => this.receive(event),
      onError: (err, event) =>
        this.logger.warn({ error: describeError(err), eventId: event?.eventId }, 'referral intake failed'),
      onDeadLetter: (event, reason) =>
        this.logger.error({ eventId: event?.eventId, reason }, 'referral dead-lettered'),
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
  }

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
