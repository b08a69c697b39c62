import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { INVESTIGATION_CATEGORY } from '@lse/contracts';
import type { Clock } from '@lse/domain';
import { PostgresEventStore } from '@lse/event-store';
import { DurableConsumer, ensureStreams, EventRelay, RECONNECT_FOREVER } from '@lse/messaging';
import { describeError, HealthRegistry, natsCheck, postgresCheck } from '@lse/service-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { openOnCaseOpened } from '../reactions/case-opened.reaction';
import { INVESTIGATION_CONFIG, type InvestigationConfig } from '../config';
import { CLOCK, INVESTIGATION_DATA_SOURCE } from '../tokens';
import { InvestigationProjector } from '../read-models/projector';

/**
 * Background work: the read-model projector, the relay publishing the `investigation` category to
 * JetStream, and the durable consumer that opens an investigation for every CaseOpened.
 */
@Injectable()
export class InvestigationRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InvestigationRuntime');
  private nc?: NatsConnection;
  relay?: EventRelay;
  consumer?: DurableConsumer;
  readonly projector: InvestigationProjector;

  constructor(
    @Inject(INVESTIGATION_CONFIG) private readonly config: InvestigationConfig,
    private readonly store: PostgresEventStore,
    @Inject(INVESTIGATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.projector = new InvestigationProjector({
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
      name: 'lse-investigation-runtime',
      ...RECONNECT_FOREVER,
      // Every JetStream publish is a request; its error would carry a stack captured up front,
      // at a cost per message that the relay pays for each event.
      noAsyncTraces: true,
    });
    this.nc = nc;
    await ensureStreams(nc);
    await this.projector.start();
    this.relay = new EventRelay({
      name:
        this.config.INVESTIGATION_SCHEMA === 'investigation'
          ? 'investigation'
          : `investigation.${this.config.INVESTIGATION_SCHEMA}`,
      store: this.store,
      nc,
      connectionString: this.config.DATABASE_URL,
      schema: this.config.INVESTIGATION_SCHEMA,
      categories: [INVESTIGATION_CATEGORY],
      pollIntervalMs: this.config.RELAY_POLL_MS,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'relay failed; retrying'),
    });
    this.relay.start();
    this.consumer = new DurableConsumer({
      nc,
      jsm: await jetstreamManager(nc),
      name: this.config.INVESTIGATION_CONSUMER,
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
      onError: (err) =>
        this.logger.warn({ error: describeError(err) }, 'CaseOpened reaction failed; will retry'),
      onDeadLetter: (event, reason) =>
        this.logger.error({ eventId: event?.eventId, reason }, 'CaseOpened parked as a dead letter'),
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.projector.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
