import { Inject, Injectable } from '@nestjs/common';
import { INVESTIGATION_CATEGORY } from '@lse/contracts';
import type { Clock } from '@lse/domain';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import type { DurableConsumer } from '@lse/messaging';
import { HealthRegistry, Metrics, ServiceRuntime } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { openOnCaseOpened } from '../reactions/case-opened.reaction';
import { INVESTIGATION_CONFIG, type InvestigationConfig } from '../config';
import { CLOCK, INVESTIGATION_DATA_SOURCE } from '../tokens';
import { InvestigationProjector, INVESTIGATION_PROJECTION } from '../read-models/projector';

/**
 * Background work: the read-model projector, the relay publishing the `investigation` category to
 * JetStream, and the durable consumer that opens an investigation for every CaseOpened.
 */
@Injectable()
export class InvestigationRuntime extends ServiceRuntime {
  consumer?: DurableConsumer;
  readonly projector: InvestigationProjector;

  constructor(
    @Inject(INVESTIGATION_CONFIG) private readonly config: InvestigationConfig,
    raw: PostgresEventStore,
    private readonly store: SealedEventStore,
    @Inject(INVESTIGATION_DATA_SOURCE) dataSource: DataSource,
    health: HealthRegistry,
    metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super({
      service: 'investigation',
      schema: config.INVESTIGATION_SCHEMA,
      natsUrl: config.NATS_URL,
      databaseUrl: config.DATABASE_URL,
      connectionName: 'lse-investigation-runtime',
      noAsyncTraces: true,
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
    this.projector = new InvestigationProjector({
      dataSource,
      store,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      ...this.watchProjection(INVESTIGATION_PROJECTION.name),
    });
  }

  protected async startParts(): Promise<void> {
    await this.start(this.projector);
    this.startRelay({ categories: [INVESTIGATION_CATEGORY], pollIntervalMs: this.config.RELAY_POLL_MS });
    this.consumer = await this.consume({
      name: this.config.INVESTIGATION_CONSUMER,
      what: 'CaseOpened reaction',
      filterSubject: 'events.complaint.CaseOpened',
      types: ['CaseOpened'],
      // Each handling waits on PostgreSQL (stream read, append); cases are independent, so several
      // at once keep up with bursts (one case's messages stay in order).
      concurrency: 16,
      handle: async (event) => {
        const outcome = await openOnCaseOpened(event, this.store, this.clock.now().toISOString());
        // One line per case opened would be a log write per handoff at the default level.
        this.logger.debug({ caseId: event.metadata.caseId, outcome }, 'CaseOpened handled');
      },
    });
  }
}
