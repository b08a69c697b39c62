import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { COLLECTION_CATEGORY, DeterminationIssued, INVESTIGATION_CATEGORY } from '@lse/contracts';
import type { Clock } from '@lse/domain';
import { PostgresEventStore } from '@lse/event-store';
import { DurableConsumer, ensureStreams, EventRelay, RECONNECT_FOREVER } from '@lse/messaging';
import { describeError, HealthRegistry, natsCheck, postgresCheck } from '@lse/service-kit';
import type { CollectionDecider } from '@lse/collections-domain';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { COLLECTIONS_CONFIG, type CollectionsConfig } from '../config';
import { CLOCK, COLLECTION_DECIDER, COLLECTIONS_DATA_SOURCE } from '../tokens';
import { CollectionsProjector } from '../read-models/projector';
import { reactToDetermination } from '../reactions/determination/determination-reaction';
import { InstallmentChecker } from '../schedule/installment-checker';

/**
 * Collections' background work: the read-model projector, the relay of the `collection`
 * category to JetStream, the durable consumer of DeterminationIssued, and the scheduled
 * missed-installment check.
 */
@Injectable()
export class CollectionsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CollectionsRuntime');
  private nc?: NatsConnection;
  relay?: EventRelay;
  consumer?: DurableConsumer;
  readonly projector: CollectionsProjector;

  constructor(
    @Inject(COLLECTIONS_CONFIG) private readonly config: CollectionsConfig,
    private readonly store: PostgresEventStore,
    @Inject(COLLECTIONS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COLLECTION_DECIDER) private readonly decider: CollectionDecider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly checker: InstallmentChecker,
    private readonly health: HealthRegistry,
  ) {
    this.projector = new CollectionsProjector({
      dataSource,
      store,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'projection batch failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.COLLECTIONS_CLOCK_OFFSET_DAYS !== 0)
      this.logger.warn(
        { offsetDays: this.config.COLLECTIONS_CLOCK_OFFSET_DAYS },
        'COLLECTIONS_CLOCK_OFFSET_DAYS is set: collections runs on a shifted calendar (never in production)',
      );
    this.health.register('postgres', postgresCheck(this.store.pool));
    this.health.register(
      'nats',
      natsCheck(() => this.nc),
    );
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter cannot resolve transport-node's types; tsc checks them
    const nc: NatsConnection = await connect({
      servers: this.config.NATS_URL.split(',').map((s) => s.trim()),
      name: 'lse-collections-runtime',
      ...RECONNECT_FOREVER,
    });
    this.nc = nc;
    const jsm = await ensureStreams(nc);
    await this.projector.start();
    const scoped =
      this.config.COLLECTIONS_SCHEMA === 'collections' ? '' : `.${this.config.COLLECTIONS_SCHEMA}`;
    this.relay = new EventRelay({
      name: `collections${scoped}`,
      store: this.store,
      nc,
      connectionString: this.config.DATABASE_URL,
      schema: this.config.COLLECTIONS_SCHEMA,
      categories: [COLLECTION_CATEGORY],
      pollIntervalMs: this.config.RELAY_POLL_MS,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'relay failed; retrying'),
    });
    this.relay.start();
    this.consumer = new DurableConsumer({
      nc,
      jsm,
      name: this.config.COLLECTIONS_CONSUMER,
      filterSubject: `events.${INVESTIGATION_CATEGORY}.${DeterminationIssued.type}`,
      types: [DeterminationIssued.type],
      handle: async (event) => {
        const outcome = await reactToDetermination(event, {
          store: this.store,
          decider: this.decider,
          now: () => this.clock.now(),
        });
        this.logger.log(
          { caseId: event.metadata.caseId, cause: event.eventId, outcome },
          'determination handled',
        );
      },
      onError: (err, event) =>
        this.logger.warn(
          { error: describeError(err), cause: event?.eventId },
          'determination reaction failed; will retry',
        ),
      onDeadLetter: (event, reason) =>
        this.logger.error({ cause: event?.eventId, reason }, 'determination parked as a dead letter'),
    });
    await this.consumer.start();
    this.checker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checker.stop();
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.projector.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
