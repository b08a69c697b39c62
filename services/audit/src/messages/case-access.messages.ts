import { randomUUID } from 'node:crypto';
import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUDIT_PATTERNS, CaseAccessQuery } from '@lse/contracts';
import { ForbiddenError } from '@lse/domain';
import { Metrics, timedReply } from '@lse/service-kit';
import { caseAccessPage } from '../access/access-entries';
import { RequestEnvelope } from '../access/actor';
import { requireCase } from '../access/case-exists';
import { recordAccess } from '../access/record-access';
import { AUDIT_CORE } from '../audit.tokens';
import type { AuditCore } from '../audit-core';

/**
 * Who read a case's records (`audit.caseAccess`): the auditor's alone. Reading the record of
 * reads is itself a read, recorded before the answer goes out, so it is on the page it returns.
 */
@Controller()
export class CaseAccessMessages {
  private readonly logger = new Logger('Audit');

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    private readonly metrics: Metrics,
  ) {}

  @MessagePattern(AUDIT_PATTERNS.caseAccess)
  caseAccess(@Payload() payload: unknown) {
    return timedReply(
      this.metrics,
      this.logger,
      AUDIT_PATTERNS.caseAccess,
      async () => {
        const env = RequestEnvelope.parse(payload);
        // The gateway checks the role too; a service never trusts one check alone.
        if (env.actor.role !== 'auditor')
          throw new ForbiddenError('This role may not do that.', { reason: 'role' });
        const query = CaseAccessQuery.parse(env.data);
        await requireCase(this.core.store, query.caseId);
        await recordAccess(
          this.core.store,
          {
            accessId: randomUUID(),
            resource: 'record-access',
            caseId: query.caseId,
            operation: 'reads of a case',
          },
          env.actor,
          env.correlationId,
          new Date(),
        );
        return caseAccessPage(this.core.store, query.caseId, query.after ?? 0, query.limit);
      },
      'audit request failed unexpectedly',
    );
  }
}
