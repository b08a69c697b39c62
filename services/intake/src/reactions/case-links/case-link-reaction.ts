import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { COMPLAINT_CATEGORY } from '@lse/contracts';
import { isDomainError, type Clock } from '@lse/domain';
import type { RecordedEvent } from '@lse/event-store';
import { categorySubject, DurableConsumer, ensureStreams, RECONNECT_FOREVER } from '@lse/messaging';
import { describeError } from '@lse/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config';
import { CLOCK } from '../../tokens';
import { CaseLinkMirror, LINK_EVENT_TYPES } from './case-link-mirror';

/**
 * The record of a link on the other case, from the link event over JetStream: completes what the
 * request that made the link did not (it stopped after its own append). A refusal (the other case
 * closed meanwhile) is logged and acknowledged: retrying cannot change it.
 */
@Injectable()
export class CaseLinkReaction implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseLinkReaction');
  private nc?: NatsConnection;
  private consumer?: DurableConsumer;

  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    private readonly mirror: CaseLinkMirror,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter cannot resolve transport-node's types; tsc checks them
    const nc: NatsConnection = await connect({
      servers: this.config.NATS_URL.split(',').map((s) => s.trim()),
      name: 'lse-intake-case-links',
      ...RECONNECT_FOREVER,
    });
    this.nc = nc;
    const jsm = await ensureStreams(nc);
    const schema = this.config.INTAKE_SCHEMA;
    this.consumer = new DurableConsumer({
      nc,
      jsm,
      name: schema === 'intake' ? 'intake-case-links' : `intake-case-links-${schema.replace(/_/g, '-')}`,
      filterSubject: categorySubject(COMPLAINT_CATEGORY),
      types: LINK_EVENT_TYPES,
      handle: (event) => this.react(event),
      onError: (err, event) =>
        this.logger.warn({ error: describeError(err), eventId: event?.eventId }, 'case link record failed'),
      onDeadLetter: (event, reason) =>
        this.logger.error({ eventId: event?.eventId, reason }, 'case link record dead-lettered'),
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
  }

  async react(cause: RecordedEvent): Promise<void> {
    const caseId = cause.metadata.caseId ?? cause.streamId.slice(cause.streamId.indexOf('-') + 1);
    try {
      await this.mirror.mirror(cause, this.clock.now().toISOString());
    } catch (err) {
      if (!isDomainError(err)) throw err;
      this.logger.error(
        { caseId, cause: cause.eventId, reason: err.details?.reason ?? err.code },
        'the other case refused the record of a link',
      );
    }
  }
}
