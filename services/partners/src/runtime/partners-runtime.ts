import { Inject, Injectable } from '@nestjs/common';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import { categorySubject } from '@lse/messaging';
import { HealthRegistry, Metrics, ServiceRuntime } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { PARTNERS_CATEGORIES, PARTNERS_CONFIG, type PartnersConfig } from '../config';
import { PARTNERS_DATA_SOURCE } from '../tokens';
import { AgreementExpiry } from '../scheduled/agreement-expiry';
import { PartnersProjector, PARTNERS_PROJECTION } from '../read-models/projector';
import { COLLECTION_TYPES, COMPLAINT_TYPES, INVESTIGATION_TYPES } from '../reactions/milestones';
import { ReferralReactions } from '../reactions/referral-reactions';

/**
 * Partners' background work: the read-model projector, the relay of its four categories, the
 * durable consumers that react to a referred case's complaint, investigation and collection
 * events, and the scheduled agreement-expiry check (every replica runs it; the append is once).
 */
@Injectable()
export class PartnersRuntime extends ServiceRuntime {
  readonly projector: PartnersProjector;

  constructor(
    @Inject(PARTNERS_CONFIG) private readonly config: PartnersConfig,
    raw: PostgresEventStore,
    sealed: SealedEventStore,
    @Inject(PARTNERS_DATA_SOURCE) dataSource: DataSource,
    health: HealthRegistry,
    metrics: Metrics,
    private readonly reactions: ReferralReactions,
    private readonly expiry: AgreementExpiry,
  ) {
    super({
      service: 'partners',
      schema: config.PARTNERS_SCHEMA,
      natsUrl: config.NATS_URL,
      databaseUrl: config.DATABASE_URL,
      connectionName: 'lse-partners-runtime',
      store: raw,
      opener: sealed,
      health,
      metrics,
      projectionUnreadyAfterMs: config.PROJECTION_UNREADY_AFTER_MS,
      close: async () => {
        await raw.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    });
    this.projector = new PartnersProjector({
      dataSource,
      store: sealed,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      ...this.watchProjection(PARTNERS_PROJECTION.name),
    });
  }

  protected async startParts(): Promise<void> {
    await this.start(this.projector);
    this.startRelay({ categories: [...PARTNERS_CATEGORIES], pollIntervalMs: this.config.RELAY_POLL_MS });
    for (const [category, types] of [
      ['complaint', COMPLAINT_TYPES],
      ['investigation', INVESTIGATION_TYPES],
      ['collection', COLLECTION_TYPES],
    ] as const)
      await this.consume({
        name: this.consumerName(`partners-on-${category}`),
        what: `partners reaction to ${category}`,
        filterSubject: categorySubject(category),
        types,
        handle: (event) => this.reactions.handle(event),
      });
    await this.every(
      'agreement expiry check',
      this.config.AGREEMENT_CHECK_MS,
      () => this.expiry.checkOnce(),
      { runNow: true },
    );
  }
}
