import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CATEGORY } from '@lse/contracts';
import { PostgresEventStore } from '@lse/event-store';
import { SealedEventStore } from '@lse/crypto-shred';
import { categorySubject } from '@lse/messaging';
import { HealthRegistry, Metrics, ServiceRuntime } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { LINK_EVENT_TYPES } from '../reactions/case-links/case-link-mirror';
import { CaseLinkReaction } from '../reactions/case-links/case-link-reaction';
import { CaseStatusFollower, FOLLOWED } from '../reactions/case-status/case-status-follower';
import { INTAKE_DATA_SOURCE } from '../tokens';
import { INTAKE_CONFIG, policyFromConfig, type IntakeConfig } from '../config';
import { IntakeProjector, PROJECTION_NAME } from '../read-models/projector';
import { REFERRAL_SUBJECT, ReferralIntake } from '../reactions/referrals/referral-intake';

/**
 * Intake's background work: the read-model projector, the relay that publishes the `complaint`
 * category to JetStream, and the durable consumers of its reactions (partner referrals, the
 * other side of case links, the case and employer indexes following the other services).
 */
@Injectable()
export class IntakeRuntime extends ServiceRuntime {
  readonly projector: IntakeProjector;

  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    raw: PostgresEventStore,
    sealed: SealedEventStore,
    @Inject(INTAKE_DATA_SOURCE) dataSource: DataSource,
    health: HealthRegistry,
    metrics: Metrics,
    private readonly referrals: ReferralIntake,
    private readonly caseLinks: CaseLinkReaction,
    private readonly caseStatus: CaseStatusFollower,
  ) {
    super({
      service: 'intake',
      schema: config.INTAKE_SCHEMA,
      natsUrl: config.NATS_URL,
      databaseUrl: config.DATABASE_URL,
      connectionName: 'lse-intake-runtime',
      noAsyncTraces: true,
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
    this.projector = new IntakeProjector({
      dataSource,
      store: sealed,
      targetedIndustries: policyFromConfig(config).targetedIndustries,
      pollIntervalMs: config.PROJECTION_POLL_MS,
      ...this.watchProjection(PROJECTION_NAME),
    });
  }

  protected async startParts(): Promise<void> {
    await this.start(this.projector);
    this.startRelay({ categories: [COMPLAINT_CATEGORY], pollIntervalMs: this.config.RELAY_POLL_MS });
    await this.consume({
      name: this.consumerName('intake-on-referral-submitted'),
      what: 'referral intake',
      filterSubject: REFERRAL_SUBJECT,
      types: ['ReferralSubmitted'],
      handle: (event) => this.referrals.receive(event),
    });
    await this.consume({
      name: this.consumerName('intake-case-links'),
      what: 'case link record',
      filterSubject: categorySubject(COMPLAINT_CATEGORY),
      types: LINK_EVENT_TYPES,
      handle: (event) => this.caseLinks.react(event),
    });
    for (const { category, types } of FOLLOWED)
      await this.consume({
        name: this.consumerName(`intake-case-status-${category}`),
        what: 'case follow-up',
        filterSubject: categorySubject(category),
        types,
        handle: (event) => this.caseStatus.follow(event),
      });
  }
}
