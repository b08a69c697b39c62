import { randomUUID } from 'node:crypto';
import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUDIT_PATTERNS, CaseAccessQuery } from '@lse/contracts';
import { Metrics, type Clock } from '@lse/service-kit';
import { caseAccessPage } from '../access/access-entries';
import { auditReply } from '../access/actor';
import { requireCase } from '../access/case-exists';
import { recordAccess } from '../access/record-access';
import type { AuditCore } from '../audit-core';
import { AUDIT_CORE, CLOCK } from '../tokens';

/**
 * Who read a case's records (`audit.caseAccess`): the auditor's alone. Reading the record of
 * reads is itself a read, recorded before the answer goes out, so it is on the page it returns.
 */
@Controller()
export class CaseAccessMessages {
  private readonly logger = new Logger('Audit');

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  @MessagePattern(AUDIT_PATTERNS.caseAccess)
  caseAccess(@Payload() payload: unknown) {
    return auditReply(
      this.metrics,
      this.logger,
      AUDIT_PATTERNS.caseAccess,
      payload,
      ['auditor'],
      async (env) => {
        const query = CaseAccessQuery.parse(env.data);
        await requireCase(this.core.store, query.caseId);
        await recordAccess(
          this.core.sealed,
          {
            accessId: randomUUID(),
            resource: 'record-access',
            caseId: query.caseId,
            operation: 'reads of a case',
          },
          env.actor,
          env.correlationId,
          this.clock.now(),
        );
        return caseAccessPage(this.core.sealed, query.caseId, query.after ?? 0, query.limit);
      },
    );
  }
}
