import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LegalHoldsQuery,
  ListRetentionReportsQuery,
  RECORDS_PATTERNS,
  RetentionDueQuery,
} from '@lse/contracts';
import { NotFoundError } from '@lse/domain';
import { Metrics } from '@lse/service-kit';
import { z } from 'zod';
import { auditReply, type AuditRequest } from '../access/actor';
import type { AuditCore } from '../audit-core';
import { RECORDS_MANAGERS } from '../commands/records.messages';
import { AUDIT_CORE } from '../tokens';

/** Records management's reads (`audit.<verb>`): a case's holds, retention reports, what is due. */
@Controller()
export class RecordsQueryMessages {
  private readonly logger = new Logger('Records');

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    private readonly metrics: Metrics,
  ) {}

  @MessagePattern(RECORDS_PATTERNS.legalHolds)
  holds(@Payload() payload: unknown) {
    return this.handle(RECORDS_PATTERNS.legalHolds, payload, (env) =>
      this.core.holds.holds(LegalHoldsQuery.parse(env.data).caseId),
    );
  }

  @MessagePattern(RECORDS_PATTERNS.latestRetentionReport)
  latest(@Payload() payload: unknown) {
    return this.handle(RECORDS_PATTERNS.latestRetentionReport, payload, async (env) => {
      z.strictObject({}).parse(env.data);
      const report = await this.core.retention.latest();
      if (!report)
        throw new NotFoundError('No retention review has run yet; run one with POST /retention/reviews.', {
          reason: 'no_retention_report',
        });
      return report;
    });
  }

  @MessagePattern(RECORDS_PATTERNS.listRetentionReports)
  reports(@Payload() payload: unknown) {
    return this.handle(RECORDS_PATTERNS.listRetentionReports, payload, async (env) => {
      const query = ListRetentionReportsQuery.parse(env.data);
      const through =
        query.before !== undefined ? query.before - 1 : ((await this.core.retention.latest())?.version ?? 0);
      return { items: await this.core.retention.reports(through, query.limit) };
    });
  }

  @MessagePattern(RECORDS_PATTERNS.retentionDue)
  due(@Payload() payload: unknown) {
    return this.handle(RECORDS_PATTERNS.retentionDue, payload, async (env) => {
      const query = RetentionDueQuery.parse(env.data);
      return { items: await this.core.retention.dueList(query.after, query.limit) };
    });
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: AuditRequest) => Promise<T>) {
    return auditReply(this.metrics, this.logger, pattern, payload, RECORDS_MANAGERS, work);
  }
}
