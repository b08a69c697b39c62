import { randomUUID } from 'node:crypto';
import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AUDIT_PATTERNS,
  CaseHistoryQuery,
  CaseStateQuery,
  FoiaRequestIdParams,
  ListFoiaRequestsQuery,
  VerifyQuery,
} from '@lse/contracts';
import { NotFoundError } from '@lse/domain';
import { Metrics, type Clock } from '@lse/service-kit';
import { requireCase } from '../access/case-exists';
import { recordAccess } from '../access/record-access';
import { auditReply, type AuditRequest, type Role } from '../access/actor';
import type { AuditCore } from '../audit-core';
import { AUDIT_CONFIG, type AuditConfig } from '../config';
import { exportCheckpoint } from '../integrity/export';
import { ReleasedCopyMismatchError } from '../foia/released-copies';
import { latestCheckpoint } from '../integrity/checkpoints';
import { loadSigningKey, type SigningKey } from '../integrity/signing-key';
import { verifyIntegrity } from '../integrity/verify';
import { caseStateAsOf } from '../replay/case-state';
import { listFoiaRequests, timelinePage } from '../read-models/queries';
import { AUDIT_CORE, CLOCK } from '../tokens';

/** Who reads a case's timeline: the auditor and the staff who work cases (as the gateway allows). */
const CASE_HISTORY_READERS: Role[] = [
  'auditor',
  'intake_officer',
  'investigator',
  'supervisor',
  'collections_officer',
];

/**
 * Audit's read handlers (`audit.<verb>`, queue group `audit`). Reads of case histories and states
 * are themselves recorded (RecordAccessed) before the answer goes out.
 */
@Controller()
export class AuditQueryMessages {
  private readonly logger = new Logger('Audit');
  private signingKey?: SigningKey;

  constructor(
    @Inject(AUDIT_CORE) private readonly core: AuditCore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
    private readonly metrics: Metrics,
  ) {}

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
      const asOf = query.asOf ?? this.clock.now().toISOString();
      await requireCase(this.core.store, query.caseId);
      await this.recordRead(env, 'case-state', query.caseId, `state of a case as of ${asOf}`);
      const state = await caseStateAsOf(this.core.sealed, query.caseId, asOf);
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

  @MessagePattern(AUDIT_PATTERNS.latestCheckpoint)
  latestCheckpoint(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.latestCheckpoint, payload, ['auditor'], async () => {
      const event = await latestCheckpoint(this.core.store);
      if (!event)
        throw new NotFoundError('No integrity checkpoint has been taken yet.', { reason: 'no_checkpoint' });
      return exportCheckpoint(event, this.key());
    });
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
      return {
        items: await listFoiaRequests(
          this.core.dataSource,
          query.status,
          query.limit,
          this.clock.now(),
          query.after,
        ),
      };
    });
  }

  @MessagePattern(AUDIT_PATTERNS.releasedPackage)
  releasedPackage(@Payload() payload: unknown) {
    return this.handle(AUDIT_PATTERNS.releasedPackage, payload, ['foia_officer'], async (env) => {
      const { requestId } = FoiaRequestIdParams.parse(env.data);
      const served = await this.core.foia.released(requestId).catch((err: unknown) => {
        // Answered 500 with the check to run; logged here, as its code is not `internal`.
        if (err instanceof ReleasedCopyMismatchError)
          this.logger.error({ requestId, error: err.name }, 'stored released package altered');
        throw err;
      });
      // No personal data: the request's id and why (docs/erasure.md#released-foia-packages).
      if (served.recompiled === 'compiler-changed')
        this.logger.warn(
          `released package ${requestId} compiles to another digest than released, with no erasure of its cases: served recompiled (the compiler changed since; no stored copy)`,
        );
      // The package object is not sent: the gateway serves the bytes, `json` or `html`.
      return { requestId, ...served };
    });
  }

  private key(): SigningKey {
    return (this.signingKey ??= loadSigningKey(this.config.AUDIT_SIGNING_KEY_FILE));
  }

  /**
   * Audit's own reads are recorded like the gateway's: before the answer leaves, and only for a
   * case that exists (`requireCase` first).
   */
  private async recordRead(env: AuditRequest, resource: string, caseId: string, operation: string) {
    await recordAccess(
      this.core.sealed,
      { accessId: randomUUID(), resource, caseId, operation },
      env.actor,
      env.correlationId,
      this.clock.now(),
    );
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
