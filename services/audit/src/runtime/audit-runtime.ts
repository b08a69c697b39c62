import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_CATEGORIES } from '@lse/contracts';
import { HealthRegistry, Metrics, ServiceRuntime } from '@lse/service-kit';
import { AUDIT_CORE } from '../tokens';
import type { AuditCore } from '../audit-core';
import { AUDIT_CONFIG, type AuditConfig } from '../config';
import { recordCheckpoint } from '../integrity/checkpoints';
import { TimelineProjector, TIMELINE_PROJECTION } from '../read-models/projector';

/**
 * Audit's background work: the timeline projector over the whole store, the relay of audit's
 * own events (FOIA, access, integrity, records) to CASE_EVENTS like every service's, the periodic
 * integrity checkpoint and the daily retention review.
 */
@Injectable()
export class AuditRuntime extends ServiceRuntime {
  readonly projector: TimelineProjector;

  constructor(
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    health: HealthRegistry,
    metrics: Metrics,
  ) {
    super({
      service: 'audit',
      schema: config.AUDIT_SCHEMA,
      natsUrl: config.NATS_URL,
      databaseUrl: config.DATABASE_URL,
      connectionName: 'lse-audit-relay',
      store: core.store,
      opener: core.sealed,
      health,
      metrics,
      projectionUnreadyAfterMs: config.PROJECTION_UNREADY_AFTER_MS,
      close: () => core.close(),
    });
    this.projector = new TimelineProjector({
      dataSource: core.dataSource,
      store: core.sealed,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      ...this.watchProjection(TIMELINE_PROJECTION),
    });
  }

  protected async startParts(): Promise<void> {
    // An erasure destroys a key: every service's keyring cache hears of it at once.
    this.core.erasures.announce = (keyId) => this.announceForget(keyId);
    await this.start(this.projector);
    this.startRelay({ categories: AUDIT_CATEGORIES });
    const every = this.config.AUDIT_CHECKPOINT_INTERVAL_MS;
    if (every > 0)
      await this.every('integrity checkpoint', every, async () => {
        const checkpoint = await recordCheckpoint(this.core.store, this.core.dataSource);
        if (checkpoint.appended)
          this.logger.log(
            { position: checkpoint.data.position, root: checkpoint.data.merkleRoot },
            'integrity checkpoint recorded',
          );
      });
    const retention = this.config.AUDIT_RETENTION_CHECK_MS;
    if (retention > 0)
      await this.every('retention review', retention, async () => {
        const report = await this.core.retention.runIfDue();
        if (report)
          this.logger.log(
            { reviewId: report.reviewId, asOf: report.asOf, counts: report.counts },
            'retention review completed',
          );
      });
  }
}
