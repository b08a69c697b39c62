import { Headers, Param, Res } from '@nestjs/common';
import {
  LegalHoldCommandReply,
  LegalHoldsReply,
  RECORDS_PATTERNS,
  RetentionDueItemReply,
  RetentionDuePageReply,
  RetentionReportPageReply,
  RetentionReportReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import { z } from 'zod';
import { RecordsAccess } from '../audit/record-access.interceptor';
import { actionsOf, ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { etagFor } from '../http/etag';
import { pageOf, parsePageQuery, type Page } from '../http/pagination';
import { CaseIdParams } from '../http/params';
import { ValidBody, ValidQuery, ZodPipe } from '../http/zod.pipe';
import { API_PREFIX, ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { RECORDS_MANAGERS } from './roles';
import {
  DueQuery,
  HoldParams,
  LiftLegalHoldInput,
  PlaceLegalHoldInput,
  ReportsPosition,
  ReportsQuery,
  RetentionDuePosition,
} from './schemas';

const holdAction = actionsOf({
  base: 'cases/:caseId/legal-holds/:holdId',
  params: HoldParams,
  tags: ['records'],
  roles: RECORDS_MANAGERS,
  reply: LegalHoldCommandReply,
});

/** Records management, served by audit: legal holds on cases and the retention review. */
@ApiController()
export class RecordsController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'placeLegalHold',
    method: 'POST',
    path: 'cases/:caseId/legal-holds',
    summary: 'Place a legal hold on a whole case: nothing of it is erased until the hold is lifted',
    description:
      "One hold per matter while it is in effect (409, reason `hold_exists`). The ETag is the version of the case's records stream (If-Match optional).",
    tags: ['records'],
    roles: RECORDS_MANAGERS,
    params: CaseIdParams,
    body: PlaceLegalHoldInput,
    errors: {
      404: 'No case with this id.',
      409: 'A hold for this matter is in effect already (lift it first), or If-Match is stale.',
    },
    response: {
      status: 201,
      description: "Placed; Location lists the case's holds.",
      schema: LegalHoldCommandReply,
    },
    versioned: true,
  })
  async place(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @ValidBody(PlaceLegalHoldInput) input: z.infer<typeof PlaceLegalHoldInput>,
    @Headers('if-match') ifMatch: string | undefined,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const result = await sendAction<LegalHoldCommandReply>(this.services, {
      pattern: RECORDS_PATTERNS.placeLegalHold,
      params,
      input,
      ifMatch,
      ctx,
      res,
    });
    res.setHeader('Location', `/${API_PREFIX}/cases/${params.caseId}/legal-holds`);
    return result;
  }

  @holdAction({
    operationId: 'liftLegalHold',
    path: 'lift',
    summary:
      'Lift a legal hold in effect, with the reason; the case may be erased again once no hold is left',
    body: LiftLegalHoldInput,
    pattern: RECORDS_PATTERNS.liftLegalHold,
  })
  lift(@ActionRequest() call: ActionCall) {
    return sendAction<LegalHoldCommandReply>(this.services, call);
  }

  @Endpoint({
    operationId: 'listLegalHolds',
    method: 'GET',
    path: 'cases/:caseId/legal-holds',
    summary: "A case's legal holds, in effect and lifted, and whether the case is held (recorded as a read)",
    tags: ['records'],
    roles: RECORDS_MANAGERS,
    params: CaseIdParams,
    errors: { 404: 'No case with this id.' },
    response: {
      status: 200,
      description: 'The holds; the ETag is the records stream version.',
      schema: LegalHoldsReply,
    },
    versioned: true,
  })
  @RecordsAccess('legal-holds')
  async holds(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const holds = await this.services.call<LegalHoldsReply>(RECORDS_PATTERNS.legalHolds, params, ctx);
    res.setHeader('ETag', etagFor(holds.version));
    return holds;
  }

  @Endpoint({
    operationId: 'runRetentionReview',
    method: 'POST',
    path: 'retention/reviews',
    summary:
      'Run the retention review now, as of today (the schedule runs it daily): held cases listed as held, each due record recorded as due once',
    tags: ['records'],
    roles: RECORDS_MANAGERS,
    body: z.strictObject({}),
    response: {
      status: 201,
      description: "The review's report (RetentionReviewCompleted).",
      schema: RetentionReportReply,
    },
  })
  review(@ValidBody(z.strictObject({})) _body: unknown, @CallCtx() ctx: CallContext) {
    return this.services.call<RetentionReportReply>(RECORDS_PATTERNS.runRetentionReview, {}, ctx);
  }

  @Endpoint({
    operationId: 'latestRetentionReport',
    method: 'GET',
    path: 'retention/reports/latest',
    summary: "The latest retention review's report: counts, the records due and the held ones (ids only)",
    tags: ['records'],
    roles: RECORDS_MANAGERS,
    errors: {
      404: 'No review has run yet (reason `no_retention_report`): run one with POST /retention/reviews.',
    },
    response: { status: 200, description: 'The report.', schema: RetentionReportReply },
  })
  latest(@CallCtx() ctx: CallContext) {
    return this.services.call<RetentionReportReply>(RECORDS_PATTERNS.latestRetentionReport, {}, ctx);
  }

  @Endpoint({
    operationId: 'listRetentionReports',
    method: 'GET',
    path: 'retention/reports',
    summary: 'Retention review reports, newest first',
    tags: ['records'],
    roles: RECORDS_MANAGERS,
    query: ReportsQuery,
    response: { status: 200, description: 'A page of reports.', schema: RetentionReportPageReply },
  })
  async reports(
    @ValidQuery(ReportsQuery) query: z.infer<typeof ReportsQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<RetentionReportReply>> {
    const { limit, after } = parsePageQuery(query, ReportsPosition);
    const { items } = await this.services.call<{ items: RetentionReportReply[] }>(
      RECORDS_PATTERNS.listRetentionReports,
      { limit: limit + 1, ...(after ? { before: after.version } : {}) },
      ctx,
    );
    return pageOf(items, limit, (last) => ({ version: last.version }));
  }

  @Endpoint({
    operationId: 'listRetentionDue',
    method: 'GET',
    path: 'retention/due',
    summary:
      'Records past their retention period as of today, by due date: each due, or held with the holds in effect, with the schedule entry that applies',
    tags: ['records'],
    roles: RECORDS_MANAGERS,
    query: DueQuery,
    response: { status: 200, description: 'A page of records.', schema: RetentionDuePageReply },
  })
  async due(
    @ValidQuery(DueQuery) query: z.infer<typeof DueQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<RetentionDueItemReply>> {
    const { limit, after } = parsePageQuery(query, RetentionDuePosition);
    const { items } = await this.services.call<{ items: RetentionDueItemReply[] }>(
      RECORDS_PATTERNS.retentionDue,
      { limit: limit + 1, ...(after ? { after } : {}) },
      ctx,
    );
    return pageOf(items, limit, (last) => ({
      dueOn: last.dueOn,
      recordType: last.recordType,
      recordId: last.recordId,
    }));
  }
}
