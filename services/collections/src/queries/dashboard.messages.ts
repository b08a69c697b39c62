import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DashboardQuery, REPORT_PATTERNS } from '@lse/contracts';
import { Metrics, replyTo } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { COLLECTIONS_CONFIG, type CollectionsConfig } from '../config';
import { collectionsDashboard } from '../read-models/dashboard';
import { COLLECTIONS_DATA_SOURCE } from '../tokens';

/** Collections' part of the manager dashboard (`collections.dashboard`): sums only. */
@Controller()
export class DashboardMessages {
  private readonly logger = new Logger('Collections');

  constructor(
    private readonly metrics: Metrics,
    @Inject(COLLECTIONS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COLLECTIONS_CONFIG) private readonly config: CollectionsConfig,
  ) {}

  @MessagePattern(REPORT_PATTERNS.collectionsDashboard)
  dashboard(@Payload() payload: unknown) {
    return replyTo(
      this.metrics,
      this.logger,
      REPORT_PATTERNS.collectionsDashboard,
      payload,
      (env) =>
        collectionsDashboard(this.dataSource, this.config.COLLECTIONS_SCHEMA, DashboardQuery.parse(env.data)),
      'query failed unexpectedly',
    );
  }
}
