import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LiftLegalHoldInput,
  PlaceLegalHoldInput,
  RECORDS_PATTERNS,
  RunRetentionReviewInput,
  streamCommandRequest,
} from '@lse/contracts';
import { Metrics, type Clock } from '@lse/service-kit';
import { z } from 'zod';
import { auditReply, type AuditRequest, type Role } from '../access/actor';
import type { AuditCore } from '../audit-core';
import { AUDIT_CORE, CLOCK } from '../tokens';
import { commandContext } from './command-context';

/**
 * Who manages records: the auditor (internal audit keeps the records and their integrity) and a
 * supervisor (who learns of litigation on the cases they supervise). docs/architecture.md#roles.
 */
export const RECORDS_MANAGERS: Role[] = ['auditor', 'supervisor'];

/** Records management's commands (`audit.<verb>`): legal holds and the retention review run now. */
@Controller()
export class RecordsMessages {
  private readonly logger = new Logger('Records');

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  @MessagePattern(RECORDS_PATTERNS.placeLegalHold)
  place(@Payload() payload: unknown) {
    return this.handle(RECORDS_PATTERNS.placeLegalHold, payload, async (env) => {
      const { caseId, input, expectedVersion } = streamCommandRequest('caseId', PlaceLegalHoldInput).parse(
        env.data,
      );
      return this.core.holds.place(caseId, input, commandContext(env, this.clock, expectedVersion));
    });
  }

  @MessagePattern(RECORDS_PATTERNS.liftLegalHold)
  lift(@Payload() payload: unknown) {
    return this.handle(RECORDS_PATTERNS.liftLegalHold, payload, async (env) => {
      const { caseId, holdId, input, expectedVersion } = streamCommandRequest('caseId', LiftLegalHoldInput)
        .extend({ holdId: z.uuid() })
        .parse(env.data);
      return this.core.holds.lift(caseId, holdId, input, commandContext(env, this.clock, expectedVersion));
    });
  }

  @MessagePattern(RECORDS_PATTERNS.runRetentionReview)
  runReview(@Payload() payload: unknown) {
    return this.handle(RECORDS_PATTERNS.runRetentionReview, payload, async (env) => {
      RunRetentionReviewInput.parse(env.data);
      return this.core.retention.run(env.correlationId, undefined, env.actor);
    });
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: AuditRequest) => Promise<T>) {
    return auditReply(this.metrics, this.logger, pattern, payload, RECORDS_MANAGERS, work);
  }
}
