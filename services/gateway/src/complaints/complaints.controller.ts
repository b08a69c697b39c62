import { Param, Res } from '@nestjs/common';
import {
  INTAKE_PATTERNS,
  ReceiveComplaintInput,
  ComplaintCommandReply,
  ComplaintViewReply,
  type QueueItemReply,
  QueuePageReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import { etagFor } from '../http/etag';
import { listPage, type Page } from '../http/pagination';
import { ValidBody, ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, API_PREFIX, Endpoint } from '../openapi/endpoint';
import { COMPLAINT_FROM_REFERRAL } from '../openapi/eventual';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { RecordsAccess } from '../audit/record-access.interceptor';
import { COMPLAINT_READERS, COMPLAINT_WRITERS } from './roles';
import { byTimeAndCase, ComplaintQueueQuery } from './schemas';
import { CaseIdParams } from '../http/params';

/** Receiving complaints, the complaint queue and one complaint's current state. */
@ApiController()
export class ComplaintsController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'receiveComplaint',
    method: 'POST',
    path: 'complaints',
    summary:
      'Record a complaint from any channel (hotline, walk-in, web, e-mail, partner or consulate referral, agency-initiated)',
    tags: ['complaints'],
    roles: COMPLAINT_WRITERS,
    description:
      "The answer's `caseId` names the case everywhere: the complaint's actions, its investigation (GET /cases/{caseId}/investigation, once intake has opened the case), its collection case and its history. Each complainant gets a `complainantId` (sent, or given by intake; GET /complaints/{caseId} shows them): it is the `workerId` to use for that person in hours and wages, and then in collections.",
    body: ReceiveComplaintInput,
    response: {
      status: 201,
      description: 'Received; Location names the complaint.',
      schema: ComplaintCommandReply,
      links: {
        getComplaint: {
          operationId: 'getComplaint',
          parameters: { caseId: '$response.body#/caseId' },
          description: "The complaint, with each complainant's `complainantId`.",
        },
        getInvestigation: {
          operationId: 'getInvestigation',
          parameters: { caseId: '$response.body#/caseId' },
          description: 'The investigation, once the case is opened (404 with Retry-After until then).',
        },
      },
    },
    versioned: true,
  })
  async receive(
    @ValidBody(ReceiveComplaintInput) input: z.infer<typeof ReceiveComplaintInput>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<ComplaintCommandReply> {
    const result = await this.services.call<ComplaintCommandReply>(INTAKE_PATTERNS.receive, { input }, ctx);
    res.setHeader('ETag', etagFor(result.version));
    res.setHeader('Location', `/${API_PREFIX}/complaints/${result.caseId}`);
    return result;
  }

  @Endpoint({
    operationId: 'listComplaints',
    method: 'GET',
    path: 'complaints',
    summary: 'The complaint queue, oldest first, filtered by status, priority, office or industry',
    tags: ['complaints'],
    roles: COMPLAINT_READERS,
    query: ComplaintQueueQuery,
    response: { status: 200, description: 'A page of the queue.', schema: QueuePageReply },
  })
  async list(
    @ValidQuery(ComplaintQueueQuery) query: z.infer<typeof ComplaintQueueQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<QueueItemReply>> {
    return listPage(
      this.services,
      INTAKE_PATTERNS.listComplaints,
      query,
      ctx,
      byTimeAndCase<QueueItemReply>((row) => row.receivedAt),
    );
  }

  @Endpoint({
    operationId: 'getComplaint',
    method: 'GET',
    path: 'complaints/:caseId',
    summary: 'A complaint as it stands now; the ETag is its stream version',
    tags: ['complaints'],
    roles: COMPLAINT_READERS,
    description:
      "`complaint.complainants[].complainantId` are the ids an investigation's hours and wages use as `workerId` for the same people.",
    params: CaseIdParams,
    eventual: COMPLAINT_FROM_REFERRAL,
    response: { status: 200, description: 'The complaint.', schema: ComplaintViewReply },
    versioned: true,
  })
  @RecordsAccess('complaint')
  async get(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<ComplaintViewReply> {
    const view = await this.services.call<ComplaintViewReply>(INTAKE_PATTERNS.getComplaint, params, ctx);
    res.setHeader('ETag', etagFor(view.version));
    res.setHeader('Cache-Control', 'no-store');
    return view;
  }
}
