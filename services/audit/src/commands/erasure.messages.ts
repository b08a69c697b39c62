import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ErasePersonInput, ERASURE_PATTERNS, ErasureQuery } from '@lse/contracts';
import { Metrics, type Clock } from '@lse/service-kit';
import { auditReply, type AuditRequest, type Role } from '../access/actor';
import type { AuditCore } from '../audit-core';
import { AUDIT_CORE, CLOCK } from '../tokens';
import { commandContext } from './command-context';

/**
 * Who erases a person (docs/architecture.md#erasing-a-person): a supervisor, who answers for the
 * cases and hears of litigation on them (the holds that stop an erasure), and an admin, who
 * answers a data subject's request for the agency as the system's owner. Not the auditor: the
 * keeper and checker of the records does not also destroy them (separation of duties).
 */
export const ERASERS: Role[] = ['supervisor', 'admin'];

/** Erasing a person (`audit.erasePerson`) and reading an erasure record (`audit.erasure`). */
@Controller()
export class ErasureMessages {
  private readonly logger = new Logger('Erasure');

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  @MessagePattern(ERASURE_PATTERNS.erasePerson)
  erase(@Payload() payload: unknown) {
    return this.handle(ERASURE_PATTERNS.erasePerson, payload, async (env) =>
      this.core.erasures.erase(ErasePersonInput.parse(env.data), commandContext(env, this.clock)),
    );
  }

  @MessagePattern(ERASURE_PATTERNS.erasure)
  erasure(@Payload() payload: unknown) {
    return this.handle(ERASURE_PATTERNS.erasure, payload, async (env) =>
      this.core.erasures.erasure(ErasureQuery.parse(env.data).erasureId),
    );
  }

  private handle<T>(pattern: string, payload: unknown, work: (env: AuditRequest) => Promise<T>) {
    return auditReply(this.metrics, this.logger, pattern, payload, ERASERS, work);
  }
}
