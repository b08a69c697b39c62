import { Param } from '@nestjs/common';
import {
  AUDIT_PATTERNS,
  CaseStateReply,
  HistoryEntryReply,
  IntegrityReportReply,
  SignedCheckpointReply,
  HistoryPageReply,
} from '@lse/contracts';
import type { z } from 'zod';
import { pageOf, parsePageQuery, type Page } from '../http/pagination';
import { ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { AUDITORS, CASE_HISTORY_READERS } from './roles';
import { CaseIdParams } from '../http/params';
import { HistoryPosition, HistoryQuery, StateQuery, VerifyQuery } from './schemas';

/** What an auditor reads: a case's history and state as of any instant, and integrity proofs. */
@ApiController()
export class AuditController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'caseHistory',
    method: 'GET',
    path: 'cases/:caseId/history',
    summary:
      "Every event of a case across all services' streams, with actor, time, cause and correlation (recorded as a read; 404, recording nothing, for a case that does not exist)",
    description:
      "The case file's timeline for the staff who work cases, and the auditor's record; every read is itself on the timeline (RecordAccessed, resource `case-history`).",
    tags: ['audit'],
    roles: CASE_HISTORY_READERS,
    params: CaseIdParams,
    query: HistoryQuery,
    response: {
      status: 200,
      description: 'A page of the history, in global order.',
      schema: HistoryPageReply,
    },
  })
  async history(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @ValidQuery(HistoryQuery) query: z.infer<typeof HistoryQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<HistoryEntryReply>> {
    const { limit, after } = parsePageQuery(query, HistoryPosition);
    const { items } = await this.services.call<{ items: HistoryEntryReply[] }>(
      AUDIT_PATTERNS.caseHistory,
      { caseId: params.caseId, after: after?.position ?? 0, limit: limit + 1 },
      ctx,
    );
    return pageOf(items, limit, (last) => ({ position: last.position }));
  }

  @Endpoint({
    operationId: 'caseStateAsOf',
    method: 'GET',
    path: 'cases/:caseId/state',
    summary:
      "A case's state as of an instant (now by default), replayed with each service's decider and chain-checked (404, recording nothing, for a case that does not exist)",
    tags: ['audit'],
    roles: AUDITORS,
    params: CaseIdParams,
    query: StateQuery,
    response: { status: 200, description: 'The state of every stream of the case.', schema: CaseStateReply },
  })
  state(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @ValidQuery(StateQuery) query: z.infer<typeof StateQuery>,
    @CallCtx() ctx: CallContext,
  ) {
    return this.services.call(
      AUDIT_PATTERNS.caseState,
      { caseId: params.caseId, ...(query.asOf ? { asOf: query.asOf } : {}) },
      ctx,
    );
  }

  @Endpoint({
    operationId: 'verifyIntegrity',
    method: 'GET',
    path: 'integrity/verification',
    summary:
      'Verify hash chains and the latest checkpoint, for one case or the whole store; reports the first broken position',
    tags: ['audit'],
    roles: AUDITORS,
    query: VerifyQuery,
    response: { status: 200, description: 'The verification report.', schema: IntegrityReportReply },
  })
  verify(@ValidQuery(VerifyQuery) query: z.infer<typeof VerifyQuery>, @CallCtx() ctx: CallContext) {
    return this.services.call(AUDIT_PATTERNS.verify, query, ctx);
  }

  @Endpoint({
    operationId: 'latestCheckpoint',
    method: 'GET',
    path: 'integrity/checkpoints/latest',
    summary: 'The latest integrity checkpoint as a small file signed with Ed25519',
    tags: ['audit'],
    roles: AUDITORS,
    errors: { 404: 'No checkpoint has been taken yet (reason `no_checkpoint`): record one with POST.' },
    response: { status: 200, description: 'The signed checkpoint.', schema: SignedCheckpointReply },
  })
  latest(@CallCtx() ctx: CallContext) {
    return this.services.call(AUDIT_PATTERNS.latestCheckpoint, {}, ctx);
  }

  @Endpoint({
    operationId: 'takeCheckpoint',
    method: 'POST',
    path: 'integrity/checkpoints',
    summary: 'Take an integrity checkpoint now (none is appended when nothing changed) and return it signed',
    tags: ['audit'],
    roles: AUDITORS,
    response: { status: 201, description: 'The signed checkpoint.', schema: SignedCheckpointReply },
  })
  async take(@CallCtx() ctx: CallContext) {
    const taken = await this.services.call<{ export: unknown }>(AUDIT_PATTERNS.takeCheckpoint, {}, ctx);
    return taken.export;
  }
}
