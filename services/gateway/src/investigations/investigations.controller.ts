import { Param, Res, StreamableFile } from '@nestjs/common';
import { RecordsAccess } from '../audit';
import {
  BackWageTracePositionSchema,
  INVESTIGATION_PATTERNS,
  type BackWageTracePosition,
  FindingsReply,
  type InvestigationItemReply,
  InvestigationPageReply,
  InvestigationViewReply,
  TraceReply,
  type WorkloadItemReply,
  WorkloadPageReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import { z } from 'zod';
import { etagFor } from '../http/etag';
import { encodeCursor, listPage, pageOf, parsePageQuery, type Page } from '../http/pagination';
import { ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { INVESTIGATION_OPENED_BY_REACTION } from '../openapi/eventual';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { INVESTIGATION_READERS, INVESTIGATION_SUPERVISORS } from './roles';
import { CaseIdParams } from '../http/params';
import {
  BY_URGENCY,
  ComputationParams,
  EvidenceParams,
  InvestigationListQuery,
  TraceQuery,
  WorkloadQuery,
} from './schemas';

const WorkloadPosition = z.strictObject({ investigatorId: z.string().min(1).max(200) });

/** Reading investigations: one investigation (ETag = stream version), its findings and traces, the lists. */
@ApiController()
export class InvestigationsController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'getInvestigation',
    method: 'GET',
    path: 'cases/:caseId/investigation',
    summary:
      'The investigation as it stands now; the ETag is its stream version (the If-Match of its actions)',
    tags: ['investigations'],
    roles: INVESTIGATION_READERS,
    description:
      "The case id is the complaint's (POST /complaints answered it as `caseId`; a partner referral's id is the same id).",
    params: CaseIdParams,
    eventual: INVESTIGATION_OPENED_BY_REACTION,
    response: { status: 200, description: 'The investigation.', schema: InvestigationViewReply },
    versioned: true,
  })
  @RecordsAccess('investigation')
  async get(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const view = await this.services.call<InvestigationViewReply>(
      INVESTIGATION_PATTERNS.getInvestigation,
      params,
      ctx,
    );
    res.setHeader('ETag', etagFor(view.version));
    res.setHeader('Cache-Control', 'no-store');
    return view;
  }

  @Endpoint({
    operationId: 'getInvestigationFindings',
    method: 'GET',
    path: 'cases/:caseId/investigation/findings',
    summary:
      'Findings of the case: violations, back-wage computations, civil penalties, retaliation concerns, the determination',
    tags: ['investigations'],
    roles: INVESTIGATION_READERS,
    params: CaseIdParams,
    response: { status: 200, description: 'The findings, in the order recorded.', schema: FindingsReply },
  })
  @RecordsAccess('investigation-findings')
  findings(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @CallCtx() ctx: CallContext,
  ) {
    return this.services.call<FindingsReply>(INVESTIGATION_PATTERNS.findings, params, ctx);
  }

  @Endpoint({
    operationId: 'getBackWageTrace',
    method: 'GET',
    path: 'cases/:caseId/investigation/back-wage-computations/:computationId/trace',
    summary:
      'The explanation of every figure of a computation (rule, rule-set version, rate, hours, formula), recomputed and checked against the recorded digest',
    tags: ['investigations'],
    roles: INVESTIGATION_READERS,
    description: '`computationId` is the `id` POST .../investigation/back-wage-computations answered.',
    params: ComputationParams,
    query: TraceQuery,
    errors: {
      409: 'A rule set named by the computation has a newer version since: the recorded trace can no longer be reproduced.',
    },
    response: {
      status: 200,
      description: 'A page of the trace, by worker and workweek.',
      schema: TraceReply,
    },
  })
  @RecordsAccess('back-wage-trace', { subjectParam: 'computationId' })
  async trace(
    @Param(new ZodPipe(ComputationParams)) params: z.infer<typeof ComputationParams>,
    @ValidQuery(TraceQuery) query: z.infer<typeof TraceQuery>,
    @CallCtx() ctx: CallContext,
  ) {
    const { limit, after } = parsePageQuery(query, BackWageTracePositionSchema);
    const { next, ...page } = await this.services.call<
      Omit<TraceReply, 'nextCursor'> & { next: BackWageTracePosition | null }
    >(INVESTIGATION_PATTERNS.getBackWageTrace, { ...params, limit, ...(after ? { after } : {}) }, ctx);
    return { ...page, nextCursor: next ? encodeCursor(next) : null };
  }

  @Endpoint({
    operationId: 'getEvidenceContent',
    method: 'GET',
    path: 'cases/:caseId/investigation/evidence/:evidenceId/content',
    summary: 'The bytes of an evidence file, with its media type and its SHA-256 as ETag',
    tags: ['investigations'],
    roles: INVESTIGATION_READERS,
    description:
      "`evidenceId` is the `id` POST .../investigation/evidence answered (also in the investigation's `evidence`).",
    params: EvidenceParams,
    response: {
      status: 200,
      description: 'The file, in the media type it was uploaded with (Content-Disposition: attachment).',
      otherContent: { '*/*': { schema: { type: 'string', format: 'binary' } } },
    },
  })
  @RecordsAccess('investigation-evidence', { subjectParam: 'evidenceId' })
  async evidence(
    @Param(new ZodPipe(EvidenceParams)) params: z.infer<typeof EvidenceParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<StreamableFile> {
    const item = await this.services.call<{ contentBase64: string; mediaType: string; sha256: string }>(
      INVESTIGATION_PATTERNS.getEvidence,
      params,
      ctx,
    );
    const content = Buffer.from(item.contentBase64, 'base64');
    res.setHeader('ETag', `"sha256:${item.sha256}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Sent only after audit has recorded the read (RecordsAccess).
    return new StreamableFile(content, {
      type: item.mediaType,
      length: content.length,
      disposition: 'attachment',
    });
  }

  @Endpoint({
    operationId: 'listInvestigations',
    method: 'GET',
    path: 'investigations',
    summary:
      'Investigations by urgency: priority (P1 first), then oldest first, each with its next step; filter by status, priority, investigator, unassigned or determination status',
    tags: ['investigations'],
    roles: INVESTIGATION_READERS,
    query: InvestigationListQuery,
    response: { status: 200, description: 'A page of investigations.', schema: InvestigationPageReply },
  })
  async list(
    @ValidQuery(InvestigationListQuery) query: z.infer<typeof InvestigationListQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<InvestigationItemReply>> {
    return listPage(this.services, INVESTIGATION_PATTERNS.listInvestigations, query, ctx, BY_URGENCY, (f) => {
      const { unassigned, ...filters } = f;
      return { ...filters, ...(unassigned ? { unassigned: unassigned === 'true' } : {}) };
    });
  }

  @Endpoint({
    operationId: 'investigatorWorkload',
    method: 'GET',
    path: 'investigations/workload',
    summary:
      'Each investigator’s open caseload by priority, the oldest case and determinations awaiting approval (supervisors)',
    tags: ['investigations'],
    roles: [...INVESTIGATION_SUPERVISORS, 'auditor'],
    query: WorkloadQuery,
    response: { status: 200, description: 'A page of investigators.', schema: WorkloadPageReply },
  })
  async workload(
    @ValidQuery(WorkloadQuery) query: z.infer<typeof WorkloadQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<WorkloadItemReply>> {
    const { limit, after } = parsePageQuery(query, WorkloadPosition);
    const { items } = await this.services.call<{ items: WorkloadItemReply[] }>(
      INVESTIGATION_PATTERNS.workload,
      { limit: limit + 1, ...(after ? { after } : {}) },
      ctx,
    );
    return pageOf(items, limit, (last) => ({ investigatorId: last.investigatorId }));
  }
}
