import { Inject, Injectable } from '@nestjs/common';
import { COLLECTION_CATEGORY, DeterminationIssued, INVESTIGATION_CATEGORY } from '@lse/contracts';
import type { Clock } from '@lse/domain';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import type { DurableConsumer } from '@lse/messaging';
import { HealthRegistry, Metrics, ServiceRuntime } from '@lse/service-kit';
import type { CollectionDecider } from '@lse/collections-domain';
import type { DataSource } from 'typeorm';
import { COLLECTIONS_CONFIG, type CollectionsConfig } from '../config';
import { CLOCK, COLLECTION_DECIDER, COLLECTIONS_DATA_SOURCE } from '../tokens';
import { CollectionsProjector, COLLECTIONS_PROJECTION } from '../read-models/projector';
import { reactToDetermination } from '../reactions/determination/determination-reaction';
import { InstallmentChecker } from '../scheduled/installment-checker';

/**
 * Collections' background work: the read-model projector, the relay of the `collection`
 * category to JetStream, the durable consumer of DeterminationIssued, and the scheduled
 * missed-installment check.
 */
@Injectable()
export class CollectionsRuntime extends ServiceRuntime {
  consumer?: DurableConsumer;
  readonly projector: CollectionsProjector;

  constructor(
    @Inject(COLLECTIONS_CONFIG) private readonly config: CollectionsConfig,
    raw: PostgresEventStore,
    private readonly store: SealedEventStore,
    @Inject(COLLECTIONS_DATA_SOURCE) dataSource: DataSource,
    @Inject(COLLECTION_DECIDER) private readonly decider: CollectionDecider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly checker: InstallmentChecker,
    health: HealthRegistry,
    metrics: Metrics,
  ) {
    super({
      service: 'collections',
      schema: config.COLLECTIONS_SCHEMA,
      natsUrl: config.NATS_URL,
      databaseUrl: config.DATABASE_URL,
      connectionName: 'lse-collections-runtime',
      store: raw,
      opener: store,
      health,
      metrics,
      projectionUnreadyAfterMs: config.PROJECTION_UNREADY_AFTER_MS,
      close: async () => {
        await raw.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    });
    this.projector = new CollectionsProjector({
      dataSource,
      store,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      ...this.watchProjection(COLLECTIONS_PROJECTION.name),
    });
  }

  protected async startParts(): Promise<void> {
    if (this.config.COLLECTIONS_CLOCK_OFFSET_DAYS !== 0)
      this.logger.warn(
        { offsetDays: this.config.COLLECTIONS_CLOCK_OFFSET_DAYS },
        'COLLECTIONS_CLOCK_OFFSET_DAYS is set: collections runs on a shifted calendar (never in production)',
      );
    await this.start(this.projector);
    this.startRelay({ categories: [COLLECTION_CATEGORY], pollIntervalMs: this.config.RELAY_POLL_MS });
    this.consumer = await this.consume({
      name: this.config.COLLECTIONS_CONSUMER,
      what: 'determination reaction',
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
    });
    await this.start(this.checker);
  }
}
