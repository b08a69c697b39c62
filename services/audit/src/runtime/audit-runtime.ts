import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { describeError, HealthRegistry, postgresCheck } from '@lse/service-kit';
import { AUDIT_CORE } from '../audit.tokens';
import type { AuditCore } from '../audit-core';
import { AUDIT_CONFIG, type AuditConfig } from '../config';
import { recordCheckpoint } from '../integrity/checkpoints';
import { TimelineProjector } from '../timeline/projector';

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
    await this.projector.start();
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
    await this.projector.stop();
    await this.core.close();
  }
}
