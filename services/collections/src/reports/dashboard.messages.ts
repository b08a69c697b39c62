import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DashboardQuery, REPORT_PATTERNS } from '@lse/contracts';
import { describeError, toReply } from '@lse/service-kit';
import type { DataSource } from 'typeorm';
import { COLLECTIONS_CONFIG, type CollectionsConfig } from '../config';
import { COLLECTIONS_DATA_SOURCE } from '../handling/collection-queries.messages';
import { asReplyError, RequestEnvelope } from '../handling/request-envelope';
import { collectionsDashboard } from '../read-models/dashboard';

/** Collections' part of the manager dashboard (`collections.dashboard`): sums only. */
@Controller()
export class DashboardMessages {
  private readonly logger = new Logger('Collections');

  constructor(
    @Inject(COLLECTIONS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COLLECTIONS_CONFIG) private readonly config: CollectionsConfig,
  ) {}

  @MessagePattern(REPORT_PATTERNS.collectionsDashboard)
  dashboard(@Payload() payload: unknown) {
    const pattern = REPORT_PATTERNS.collectionsDashboard;
    return toReply(
      async () => {
        try {
          const query = DashboardQuery.parse(RequestEnvelope.parse(payload).data);
          return await collectionsDashboard(this.dataSource, this.config.COLLECTIONS_SCHEMA, query);
        } catch (err) {
          throw asReplyError(err);
        }
      },
      (err) => this.logger.error({ pattern, error: describeError(err) }, 'query failed unexpectedly'),
    );
  }
}
