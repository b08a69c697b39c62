import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AUDIT_PATTERNS,
  CompileFoiaInput,
  ExtendFoiaDeadlineInput,
  OverrideRedactionInput,
  ReceiveFoiaRequestInput,
  RecordAccessInput,
  ReleaseFoiaInput,
  ResumeFoiaClockInput,
  TollFoiaClockInput,
  streamCommandRequest,
} from '@lse/contracts';
import { Metrics, type Clock } from '@lse/service-kit';
import { caseExists } from '../access/case-exists';
import { recordAccess } from '../access/record-access';
import { auditReply, type AuditRequest, type Role } from '../access/actor';
import type { AuditCore } from '../audit-core';
import { AUDIT_CONFIG, type AuditConfig } from '../config';
import { exportCheckpoint } from '../integrity/export';
import { recordCheckpoint } from '../integrity/checkpoints';
import { loadSigningKey, type SigningKey } from '../integrity/signing-key';
import { AUDIT_CORE, CLOCK } from '../tokens';
import { commandContext } from './command-context';

/**
 * Audit's command handlers (`audit.<verb>`, queue group `audit`): recorded reads, integrity
 * checkpoints and the FOIA desk's steps. The reads are in queries/audit-queries.messages.ts.
 */
@Controller()
export class AuditMessages {
  private readonly logger = new Logger('Audit');
  private signingKey?: SigningKey;

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    private readonly metrics: Metrics,
  ) {}

  @MessagePattern(AUDIT_PATTERNS.recordAccess)
  recordAccess(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.recordAccess, payload, undefined, async (env) => {
      const input = RecordAccessInput.parse(env.data);
      // A read naming a case that does not exist (a list filtered by an unknown referral id) is
      // still recorded, on the reader's own stream: on `access-<caseId>` it would make the id
      // look like a case.
      const recorded =
        input.caseId && !(await caseExists(this.core.store, input.caseId))
          ? {
              ...without(input, 'caseId'),
              operation: `${input.operation} (no case ${input.caseId})`.slice(0, 300),
            }
          : input;
      return recordAccess(this.core.sealed, recorded, env.actor, env.correlationId, this.clock.now());
    });
  }

  @MessagePattern(AUDIT_PATTERNS.takeCheckpoint)
  takeCheckpoint(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.takeCheckpoint, payload, ['auditor'], async () => {
      const taken = await recordCheckpoint(this.core.store, this.core.dataSource);
      return { appended: taken.appended, export: exportCheckpoint(taken.event, this.key()) };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.receiveFoiaRequest)
  receiveFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.receiveFoiaRequest, payload, ['foia_officer'], (env) =>
      this.core.foia.receive(ReceiveFoiaRequestInput.parse(env.data), this.ctx(env)),
    );
  }

  @MessagePattern(AUDIT_PATTERNS.compileFoia)
  compileFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.compileFoia, payload, ['foia_officer'], async (env) => {
      const { requestId, input } = streamCommandRequest('requestId', CompileFoiaInput).parse(env.data);
      const compiled = await this.core.foia.compile(requestId, input.cutoff, this.ctx(env));
      return {
        requestId,
        version: compiled.version,
        sha256: compiled.sha256,
        htmlSha256: compiled.htmlSha256,
        package: compiled.package,
        warnings: compiled.warnings,
      };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.overrideRedaction)
  overrideRedaction(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.overrideRedaction, payload, ['foia_officer'], async (env) => {
      const { requestId, input } = streamCommandRequest('requestId', OverrideRedactionInput).parse(env.data);
      return { requestId, ...(await this.core.foia.override(requestId, input, this.ctx(env))) };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.releaseFoia)
  releaseFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.releaseFoia, payload, ['foia_officer'], async (env) => {
      const { requestId, input } = streamCommandRequest('requestId', ReleaseFoiaInput).parse(env.data);
      const released = await this.core.foia.release(requestId, input.cutoff, this.ctx(env), input.final);
      return {
        requestId,
        version: released.version,
        sha256: released.sha256,
        htmlSha256: released.htmlSha256,
        package: released.package,
        warnings: released.warnings,
      };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.extendFoiaDeadline)
  extendFoiaDeadline(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.extendFoiaDeadline, payload, ['foia_officer'], async (env) => {
      const { requestId, input, expectedVersion } = streamCommandRequest(
        'requestId',
        ExtendFoiaDeadlineInput,
      ).parse(env.data);
      return {
        requestId,
        ...(await this.core.foia.extend(requestId, input, this.ctx(env, expectedVersion))),
      };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.tollFoiaClock)
  tollFoiaClock(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.tollFoiaClock, payload, ['foia_officer'], async (env) => {
      const { requestId, input, expectedVersion } = streamCommandRequest(
        'requestId',
        TollFoiaClockInput,
      ).parse(env.data);
      return { requestId, ...(await this.core.foia.toll(requestId, input, this.ctx(env, expectedVersion))) };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.resumeFoiaClock)
  resumeFoiaClock(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.resumeFoiaClock, payload, ['foia_officer'], async (env) => {
      const { requestId, expectedVersion } = streamCommandRequest('requestId', ResumeFoiaClockInput).parse(
        env.data,
      );
      return { requestId, ...(await this.core.foia.resume(requestId, this.ctx(env, expectedVersion))) };
    });
  }

  private key(): SigningKey {
    return (this.signingKey ??= loadSigningKey(this.config.AUDIT_SIGNING_KEY_FILE));
  }

  private ctx(env: AuditRequest, expectedVersion?: number | 'any') {
    return commandContext(env, this.clock, expectedVersion);
  }

  private handle<T>(
    pattern: string,
    payload: unknown,
    roles: Role[] | undefined,
    work: (env: AuditRequest) => Promise<T>,
  ) {
    return auditReply(this.metrics, this.logger, pattern, payload, roles, work);
  }
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}
