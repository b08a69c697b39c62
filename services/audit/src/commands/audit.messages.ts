import { randomUUID } from 'node:crypto';
import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AUDIT_PATTERNS,
  CaseHistoryQuery,
  CaseStateQuery,
  CompileFoiaInput,
  FoiaRequestIdParams,
  ListFoiaRequestsQuery,
  OverrideRedactionInput,
  ReceiveFoiaRequestInput,
  RecordAccessInput,
  ReleaseFoiaInput,
  VerifyQuery,
} from '@lse/contracts';
import { ForbiddenError, NotFoundError } from '@lse/domain';
import { Metrics, timedReply, type ServiceReply } from '@lse/service-kit';
import { z } from 'zod';
import { caseExists, requireCase } from '../access/case-exists';
import { recordAccess } from '../access/record-access';
import { RequestEnvelope } from '../access/actor';
import { AUDIT_CORE } from '../tokens';
import type { AuditCore } from '../audit-core';
import { AUDIT_CONFIG, type AuditConfig } from '../config';
import { exportCheckpoint } from '../integrity/export';
import { latestCheckpoint, recordCheckpoint } from '../integrity/checkpoints';
import { loadSigningKey, type SigningKey } from '../integrity/signing-key';
import { verifyIntegrity } from '../integrity/verify';
import { caseStateAsOf } from '../replay/case-state';
import { listFoiaRequests, timelinePage } from '../read-models/queries';

type Role =
  'auditor' | 'foia_officer' | 'intake_officer' | 'investigator' | 'supervisor' | 'collections_officer';

/** Who reads a case's timeline: the auditor and the staff who work cases (as the gateway allows). */
const CASE_HISTORY_READERS: Role[] = [
  'auditor',
  'intake_officer',
  'investigator',
  'supervisor',
  'collections_officer',
];

/**
 * Audit's NATS request/reply handlers (`audit.<verb>`, queue group `audit`). Reads of case
 * histories and states are themselves recorded (RecordAccessed) before the answer goes out.
 */
@Controller()
export class AuditMessages {
  private readonly logger = new Logger('Audit');
  private signingKey?: SigningKey;

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
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
      return recordAccess(this.core.store, recorded, env.actor, env.correlationId, new Date());
    });
  }

  @MessagePattern(AUDIT_PATTERNS.caseHistory)
  caseHistory(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.caseHistory, payload, CASE_HISTORY_READERS, async (env) => {
      const query = CaseHistoryQuery.parse(env.data);
      await requireCase(this.core.store, query.caseId);
      await this.recordRead(env, 'case-history', query.caseId, 'history of a case');
      return timelinePage(this.core.dataSource, query.caseId, query.after ?? 0, query.limit);
    });
  }

  @MessagePattern(AUDIT_PATTERNS.caseState)
  caseState(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.caseState, payload, ['auditor'], async (env) => {
      const query = CaseStateQuery.parse(env.data);
      const asOf = query.asOf ?? new Date().toISOString();
      await requireCase(this.core.store, query.caseId);
      await this.recordRead(env, 'case-state', query.caseId, `state of a case as of ${asOf}`);
      const state = await caseStateAsOf(this.core.store, query.caseId, asOf);
      if (state.events === 0)
        throw new NotFoundError('No record of this case existed at that instant.', {
          reason: 'case_not_found',
        });
      return state;
    });
  }

  @MessagePattern(AUDIT_PATTERNS.verify)
  verify(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.verify, payload, ['auditor'], (env) =>
      verifyIntegrity(this.core.store, this.core.dataSource, VerifyQuery.parse(env.data).caseId),
    );
  }

  @MessagePattern(AUDIT_PATTERNS.takeCheckpoint)
  takeCheckpoint(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.takeCheckpoint, payload, ['auditor'], async () => {
      const taken = await recordCheckpoint(this.core.store, this.core.dataSource);
      return { appended: taken.appended, export: exportCheckpoint(taken.event, this.key()) };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.latestCheckpoint)
  latestCheckpoint(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.latestCheckpoint, payload, ['auditor'], async () => {
      const event = await latestCheckpoint(this.core.store);
      if (!event)
        throw new NotFoundError('No integrity checkpoint has been taken yet.', { reason: 'no_checkpoint' });
      return exportCheckpoint(event, this.key());
    });
  }

  @MessagePattern(AUDIT_PATTERNS.receiveFoiaRequest)
  receiveFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.receiveFoiaRequest, payload, ['foia_officer'], (env) =>
      this.core.foia.receive(ReceiveFoiaRequestInput.parse(env.data), this.ctx(env)),
    );
  }

  @MessagePattern(AUDIT_PATTERNS.getFoiaRequest)
  getFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.getFoiaRequest, payload, ['foia_officer'], (env) =>
      this.core.foia.get(FoiaRequestIdParams.parse(env.data).requestId),
    );
  }

  @MessagePattern(AUDIT_PATTERNS.listFoiaRequests)
  listFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.listFoiaRequests, payload, ['foia_officer'], async (env) => {
      const query = ListFoiaRequestsQuery.parse(env.data);
      return { items: await listFoiaRequests(this.core.dataSource, query.status, query.limit, query.after) };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.compileFoia)
  compileFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.compileFoia, payload, ['foia_officer'], async (env) => {
      const { requestId, input } = withRequest(CompileFoiaInput).parse(env.data);
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
      const { requestId, input } = withRequest(OverrideRedactionInput).parse(env.data);
      return { requestId, ...(await this.core.foia.override(requestId, input, this.ctx(env))) };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.releaseFoia)
  releaseFoia(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.releaseFoia, payload, ['foia_officer'], async (env) => {
      const { requestId, input } = withRequest(ReleaseFoiaInput).parse(env.data);
      const released = await this.core.foia.release(requestId, input.cutoff, this.ctx(env));
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

  @MessagePattern(AUDIT_PATTERNS.releasedPackage)
  releasedPackage(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.releasedPackage, payload, ['foia_officer'], async (env) => {
      const { requestId } = FoiaRequestIdParams.parse(env.data);
      const released = await this.core.foia.released(requestId);
      return {
        requestId,
        sha256: released.sha256,
        htmlSha256: released.htmlSha256,
        package: released.package,
        html: released.html,
      };
    });
  }

  private key(): SigningKey {
    return (this.signingKey ??= loadSigningKey(this.config.AUDIT_SIGNING_KEY_FILE));
  }

  private ctx(env: RequestEnvelope) {
    return {
      actor: env.actor,
      correlationId: env.correlationId,
      idempotencyKey: env.idempotencyKey,
      now: new Date(),
    };
  }

  /**
   * Audit's own reads are recorded like the gateway's: before the answer leaves, and only for a
   * case that exists (`requireCase` first).
   */
  private async recordRead(env: RequestEnvelope, resource: string, caseId: string, operation: string) {
    await recordAccess(
      this.core.store,
      { accessId: randomUUID(), resource, caseId, operation },
      env.actor,
      env.correlationId,
      new Date(),
    );
  }

  private handle<T>(
    pattern: string,
    payload: unknown,
    roles: Role[] | undefined,
    work: (env: RequestEnvelope) => Promise<T>,
  ): Promise<ServiceReply<T>> {
    return timedReply(
      this.metrics,
      this.logger,
      pattern,
      async () => {
        const env = RequestEnvelope.parse(payload);
        // The gateway checks roles too; a service never trusts one check alone.
        if (roles && !roles.includes(env.actor.role as Role))
          throw new ForbiddenError('This role may not do that.', { reason: 'role' });
        return work(env);
      },
      'audit request failed unexpectedly',
    );
  }
}

/** `{ requestId, input }` for commands on an existing FOIA request. */
const withRequest = <S extends z.ZodType>(input: S) => z.strictObject({ requestId: z.uuid(), input });

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}
