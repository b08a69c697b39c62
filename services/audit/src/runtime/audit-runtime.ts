import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AUDIT_CATEGORIES } from '@lse/contracts';
import { ensureStreams, EventRelay, RECONNECT_FOREVER } from '@lse/messaging';
import { describeError, HealthRegistry, natsCheck, postgresCheck } from '@lse/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { AUDIT_CORE } from '../tokens';
import type { AuditCore } from '../audit-core';
import { AUDIT_CONFIG, type AuditConfig } from '../config';
import { recordCheckpoint } from '../integrity/checkpoints';
import { TimelineProjector } from '../read-models/projector';

/**
 * Audit's background work: the timeline projector over the whole store and the periodic
 * integrity checkpoint. Started after the app is up, stopped before connections close.
 */
@Injectable()
export class AuditRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditRuntime');
  readonly projector: TimelineProjector;
  private timer?: NodeJS.Timeout;
  private checkpointing?: Promise<unknown>;
  private nc?: NatsConnection;
  relay?: EventRelay;

  constructor(
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    private readonly health: HealthRegistry,
  ) {
    this.projector = new TimelineProjector({
      dataSource: core.dataSource,
      store: core.store,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'timeline batch failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('postgres', postgresCheck(this.core.store.pool));
    this.health.register(
      'nats',
      natsCheck(() => this.nc),
    );
    await this.projector.start();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the linter cannot resolve transport-node's types; tsc checks them
    const nc: NatsConnection = await connect({
      servers: this.config.NATS_URL.split(',').map((s) => s.trim()),
      name: 'lse-audit-relay',
      ...RECONNECT_FOREVER,
    });
    this.nc = nc;
    await ensureStreams(nc);
    // Audit's own events (FOIA, access, integrity) go to CASE_EVENTS like every service's.
    this.relay = new EventRelay({
      name: this.config.AUDIT_SCHEMA === 'audit' ? 'audit' : `audit.${this.config.AUDIT_SCHEMA}`,
      store: this.core.store,
      nc,
      connectionString: this.config.DATABASE_URL,
      schema: this.config.AUDIT_SCHEMA,
      categories: AUDIT_CATEGORIES,
      onError: (err) => this.logger.warn({ error: describeError(err) }, 'relay failed; retrying'),
    });
    this.relay.start();
    const every = this.config.AUDIT_CHECKPOINT_INTERVAL_MS;
    if (every > 0) {
      this.timer = setInterval(() => {
        if (this.checkpointing) return;
        this.checkpointing = recordCheckpoint(this.core.store, this.core.dataSource)
          .then(
            (c) =>
              c.appended &&
              this.logger.log(
                { position: c.data.position, root: c.data.merkleRoot },
                'integrity checkpoint recorded',
              ),
          )
          .catch((err) =>
            this.logger.warn(
              { error: describeError(err) },
              'integrity checkpoint failed; next interval retries',
            ),
          )
          .finally(() => (this.checkpointing = undefined));
      }, every);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checkpointing;
    await this.relay?.stop();
    await this.projector.stop();
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
    await this.core.close();
  }
}
