import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PostgresEventStore } from '@lse/event-store';
import {
  categorySubject,
  DurableConsumer,
  ensureStreams,
  EventRelay,
  RECONNECT_FOREVER,
} from '@lse/messaging';
import { describeError, HealthRegistry, natsCheck, postgresCheck } from '@lse/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { PARTNERS_CATEGORIES, PARTNERS_CONFIG, type PartnersConfig } from '../config';
import { PARTNERS_DATA_SOURCE } from '../tokens';
import { AgreementExpiry } from '../expiry/agreement-expiry';
import { PartnersProjector } from '../read-models/projector';
import { COLLECTION_TYPES, COMPLAINT_TYPES, INVESTIGATION_TYPES } from '../reactions/milestones';
import { ReferralReactions } from '../reactions/referral-reactions';

/**
 * Partners' background work: the read-model projector, the relay of its four categories, the
 * durable consumers that react to a referred case's complaint, investigation and collection
 * events, and the scheduled agreement-expiry check (every replica runs it; the append is once).
 */
@Injectable()
export class PartnersRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PartnersRuntime');
  private nc?: NatsConnection;
  private relay?: EventRelay;
  private consumers: DurableConsumer[] = [];
  private timer?: NodeJS.Timeout;
  readonly projector: PartnersProjector;

  constructor(
    @Inject(PARTNERS_CONFIG) private readonly config: PartnersConfig,
    private readonly store: PostgresEventStore,
    @Inject(PARTNERS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    private readonly reactions: ReferralReactions,
    private readonly expiry: AgreementExpiry,
  ) {
    this.projector = new PartnersProjector({
      dataSource,
      store,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'projection batch failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('postgres', postgresCheck(this.store.pool));
    this.health.register(
      'nats',
      natsCheck(() => this.nc),
    );
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter cannot resolve transport-node's types; tsc checks them
    const nc: NatsConnection = await connect({
      servers: this.config.NATS_URL.split(',').map((s) => s.trim()),
      name: 'lse-partners-runtime',
      ...RECONNECT_FOREVER,
    });
    this.nc = nc;
    const jsm = await ensureStreams(nc);
    await this.projector.start();
    const schema = this.config.PARTNERS_SCHEMA;
    this.relay = new EventRelay({
      name: schema === 'partners' ? 'partners' : `partners.${schema}`,
      store: this.store,
      nc,
      connectionString: this.config.DATABASE_URL,
      schema,
      categories: [...PARTNERS_CATEGORIES],
      pollIntervalMs: this.config.RELAY_POLL_MS,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'relay failed; retrying'),
    });
    this.relay.start();
    const suffix = schema === 'partners' ? '' : `-${schema.replace(/_/g, '-')}`;
    for (const [category, types] of [
      ['complaint', COMPLAINT_TYPES],
      ['investigation', INVESTIGATION_TYPES],
      ['collection', COLLECTION_TYPES],
    ] as const) {
      const consumer = new DurableConsumer({
        nc,
        jsm,
        name: `partners-on-${category}${suffix}`,
        filterSubject: categorySubject(category),
        types,
        handle: (event) => this.reactions.handle(event),
        onError: (err, event) =>
          this.logger.warn(
            { error: describeError(err), eventId: event?.eventId, type: event?.type },
            'reaction failed',
          ),
        onDeadLetter: (event, reason) =>
          this.logger.error({ eventId: event?.eventId, reason }, 'reaction dead-lettered'),
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
    const check = () =>
      this.expiry
        .checkOnce()
        .catch((err) => this.logger.warn({ error: describeError(err) }, 'expiry check failed'));
    this.timer = setInterval(() => void check(), this.config.AGREEMENT_CHECK_MS);
    this.timer.unref();
    void check();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const c of this.consumers) await c.stop();
    await this.relay?.stop();
    await this.projector.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
