import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { COMPLAINT_CATEGORY } from '@lse/contracts';
import { PostgresEventStore } from '@lse/event-store';
import { ensureStreams, EventRelay, RECONNECT_FOREVER } from '@lse/messaging';
import { describeError, HealthRegistry, natsCheck, postgresCheck } from '@lse/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE } from '../tokens';
import { INTAKE_CONFIG, policyFromConfig, type IntakeConfig } from '../config';
import { IntakeProjector } from '../read-models/projector';

/**
 * Intake's background work: the read-model projector and the relay that publishes the
 * `complaint` category to JetStream. Started after the app is up, stopped before connections close.
 */
@Injectable()
export class IntakeRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntakeRuntime');
  private nc?: NatsConnection;
  relay?: EventRelay;
  readonly projector: IntakeProjector;

  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    private readonly store: PostgresEventStore,
    @Inject(INTAKE_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {
    this.projector = new IntakeProjector({
      dataSource,
      store,
      targetedIndustries: policyFromConfig(config).targetedIndustries,
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
      name: 'lse-intake-relay',
      ...RECONNECT_FOREVER,
      // Every JetStream publish is a request; its error would carry a stack captured up front,
      // at a cost per message that the relay pays for each event.
      noAsyncTraces: true,
    });
    this.nc = nc;
    await ensureStreams(nc);
    await this.projector.start();
    this.relay = new EventRelay({
      // One relay per intake schema leads; the lock and checkpoint row are named after it.
      name: this.config.INTAKE_SCHEMA === 'intake' ? 'intake' : `intake.${this.config.INTAKE_SCHEMA}`,
      store: this.store,
      nc,
      connectionString: this.config.DATABASE_URL,
      schema: this.config.INTAKE_SCHEMA,
      categories: [COMPLAINT_CATEGORY],
      pollIntervalMs: this.config.RELAY_POLL_MS,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'relay failed; retrying'),
    });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.projector.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
