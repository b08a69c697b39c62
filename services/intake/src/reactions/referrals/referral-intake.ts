import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { complaintStreamId, ReferralSubmitted } from '@lse/contracts';
import type { Clock } from '@lse/domain';
import { PostgresEventStore, type RecordedEvent } from '@lse/event-store';
import { DurableConsumer, ensureStreams, RECONNECT_FOREVER } from '@lse/messaging';
import { appendReaction, describeError, Metrics } from '@lse/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { ComplaintCommand } from '@lse/intake-domain';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config';
import { CLOCK, COMPLAINT_DECIDER, type ComplaintDecider } from '../../tokens';
import { complaintFromReferral } from './complaint-from-referral';

export const REFERRAL_SUBJECT = 'events.referral.ReferralSubmitted';
const REACTION = 'intake.complaint-from-referral';

/**
 * Intake's reaction to a partner referral: a ComplaintReceived (channel partner_referral, the
 * referral id) under the referral's id, which is the case id. Idempotent (appendReaction): the
 * event id derives from the referral event's id and the append expects no stream, so a
 * redelivery writes nothing.
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
