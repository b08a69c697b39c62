import { Param, Res } from '@nestjs/common';
import {
  AUDIT_PATTERNS,
  FoiaPackageReply,
  FoiaPackageResultReply,
  FoiaRequestItemReply,
  FoiaRequestViewReply,
  FoiaVersionReply,
  FoiaRequestPageReply,
} from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import { FOIA_OFFICERS } from '../audit/roles';
import { actionsOf, ActionRequest, sendAction, type ActionCall } from '../http/case-action';
import { etagFor } from '../http/etag';
import { pageOf, parsePageQuery, type Page } from '../http/pagination';
import { ValidBody, ValidQuery, ZodPipe } from '../http/zod.pipe';
import { API_PREFIX, ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import {
  CompileFoiaInput,
  ExtendFoiaDeadlineInput,
  ListPosition,
  ListQuery,
  OverrideRedactionInput,
  PackageQuery,
  ReceiveFoiaRequestInput,
  ReleaseFoiaInput,
  RequestIdParams,
  ResumeFoiaClockInput,
  TollFoiaClockInput,
} from './schemas';
import { RecordsAccess } from '../audit/record-access.interceptor';

type Params = z.infer<typeof RequestIdParams>;

/** An action on a request's clock: POST /foia-requests/:requestId/<path>, with If-Match. */
const clockAction = actionsOf({
  base: 'foia-requests/:requestId',
  params: RequestIdParams,
  tags: ['foia'],
  roles: FOIA_OFFICERS,
  reply: FoiaVersionReply,
});

/** Public-records requests: receive, compile as of a cut-off, release withheld fields, release. */
@ApiController()
export class FoiaController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'receiveFoiaRequest',
    method: 'POST',
    path: 'foia-requests',
    summary: 'Record a public-records request (requester, description, cases and other records)',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    body: ReceiveFoiaRequestInput,
    response: { status: 201, description: 'Received; Location names the request.', schema: FoiaVersionReply },
    versioned: true,
  })
  async receive(
    @ValidBody(ReceiveFoiaRequestInput) input: z.infer<typeof ReceiveFoiaRequestInput>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const result = await this.services.call<{ requestId: string; version: number }>(
      AUDIT_PATTERNS.receiveFoiaRequest,
      input,
      ctx,
    );
    res.setHeader('ETag', etagFor(result.version));
    res.setHeader('Location', `/${API_PREFIX}/foia-requests/${result.requestId}`);
    return result;
  }

  @Endpoint({
    operationId: 'listFoiaRequests',
    method: 'GET',
    path: 'foia-requests',
    summary: 'FOIA requests by days left: overdue and soonest due first, then tolled, then released',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    query: ListQuery,
    response: { status: 200, description: 'A page of requests.', schema: FoiaRequestPageReply },
  })
  async list(
    @ValidQuery(ListQuery) query: z.infer<typeof ListQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<FoiaRequestItemReply>> {
    const { limit, after } = parsePageQuery(query, ListPosition);
    const { items } = await this.services.call<{ items: FoiaRequestItemReply[] }>(
      AUDIT_PATTERNS.listFoiaRequests,
      { limit: limit + 1, ...(query.status ? { status: query.status } : {}), ...(after ? { after } : {}) },
      ctx,
    );
    return pageOf(items, limit, (last) => ({ at: last.queuePosition, requestId: last.requestId }));
  }

  @Endpoint({
    operationId: 'getFoiaRequest',
    method: 'GET',
    path: 'foia-requests/:requestId',
    summary: 'A FOIA request with its compilations, overrides and release',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    description: '`requestId` is the one POST /foia-requests answered.',
    params: RequestIdParams,
    response: { status: 200, description: 'The request.', schema: FoiaRequestViewReply },
    versioned: true,
  })
  @RecordsAccess('foia-request', { subjectParam: 'requestId' })
  async get(
    @Param(new ZodPipe(RequestIdParams)) params: Params,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const request = await this.services.call<{ version: number }>(AUDIT_PATTERNS.getFoiaRequest, params, ctx);
    res.setHeader('ETag', etagFor(request.version));
    return request;
  }

  @Endpoint({
    operationId: 'compileFoiaPackage',
    method: 'POST',
    path: 'foia-requests/:requestId/compilations',
    summary:
      'Compile the package as of a cut-off for review: every classified field withheld with its exemption',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    params: RequestIdParams,
    body: CompileFoiaInput,
    response: {
      status: 200,
      description: 'The package, its digest and its redaction log.',
      schema: FoiaPackageResultReply,
    },
  })
  compile(
    @Param(new ZodPipe(RequestIdParams)) params: Params,
    @ValidBody(CompileFoiaInput) input: z.infer<typeof CompileFoiaInput>,
    @CallCtx() ctx: CallContext,
  ) {
    return this.services.call(AUDIT_PATTERNS.compileFoia, { requestId: params.requestId, input }, ctx);
  }

  @Endpoint({
    operationId: 'overrideRedaction',
    method: 'POST',
    path: 'foia-requests/:requestId/overrides',
    summary:
      'Release one withheld field, or one redaction inside a text (its log path, `<field>@<start>-<end>`), with a written justification (RedactionOverridden)',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    params: RequestIdParams,
    body: OverrideRedactionInput,
    response: { status: 201, description: 'Recorded.', schema: FoiaVersionReply },
  })
  override(
    @Param(new ZodPipe(RequestIdParams)) params: Params,
    @ValidBody(OverrideRedactionInput) input: z.infer<typeof OverrideRedactionInput>,
    @CallCtx() ctx: CallContext,
  ) {
    return this.services.call(AUDIT_PATTERNS.overrideRedaction, { requestId: params.requestId, input }, ctx);
  }

  @Endpoint({
    operationId: 'releaseFoiaResponse',
    method: 'POST',
    path: 'foia-requests/:requestId/release',
    summary: 'Release the package as of a cut-off; its SHA-256 is recorded (FoiaResponseReleased)',
    description:
      'With `final: false` an installment (numbered 1, 2, ...) that keeps the request open; the final release (the default) closes it. Refused while a fee is owed.',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    params: RequestIdParams,
    body: ReleaseFoiaInput,
    response: {
      status: 200,
      description: 'The released package and its digests.',
      schema: FoiaPackageResultReply,
    },
  })
  release(
    @Param(new ZodPipe(RequestIdParams)) params: Params,
    @ValidBody(ReleaseFoiaInput) input: z.infer<typeof ReleaseFoiaInput>,
    @CallCtx() ctx: CallContext,
  ) {
    return this.services.call(AUDIT_PATTERNS.releaseFoia, { requestId: params.requestId, input }, ctx);
  }

  @clockAction({
    operationId: 'extendFoiaDeadline',
    path: 'extension',
    summary:
      "Extend the time limit once for unusual circumstances, up to the law's most (FoiaDeadlineExtended)",
    description:
      'Federal: up to 10 working days, 5 U.S.C. § 552(a)(6)(B)(i); California: up to 14 days, Cal. Gov. Code § 7922.535(b). Without `days`, the most the law allows.',
    body: ExtendFoiaDeadlineInput,
    pattern: AUDIT_PATTERNS.extendFoiaDeadline,
  })
  extend(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @clockAction({
    operationId: 'tollFoiaClock',
    path: 'tolling',
    summary: 'Stop the clock while waiting for the requester, with the reason (FoiaClockTolled)',
    body: TollFoiaClockInput,
    pattern: AUDIT_PATTERNS.tollFoiaClock,
  })
  toll(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @clockAction({
    operationId: 'resumeFoiaClock',
    path: 'resumption',
    summary: 'Restart a tolled clock with the days it had left (FoiaClockResumed)',
    body: ResumeFoiaClockInput,
    pattern: AUDIT_PATTERNS.resumeFoiaClock,
  })
  resume(@ActionRequest() call: ActionCall) {
    return sendAction<FoiaVersionReply>(this.services, call);
  }

  @Endpoint({
    operationId: 'releasedFoiaPackage',
    method: 'GET',
    path: 'foia-requests/:requestId/package',
    summary:
      'The released package as JSON or printable HTML (?format=html), checked against its recorded digest',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    params: RequestIdParams,
    query: PackageQuery,
    response: {
      status: 200,
      description:
        'The package: JSON, or with ?format=html a printable document (case summary, chronology in plain words, then the records). The Digest header is its SHA-256.',
      schema: FoiaPackageReply,
      otherContent: { 'text/html': { schema: { type: 'string' } } },
    },
  })
  async package(
    @Param(new ZodPipe(RequestIdParams)) params: Params,
    @ValidQuery(PackageQuery) query: z.infer<typeof PackageQuery>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const released = await this.services.call<{
      package: unknown;
      html: string;
      sha256: string;
      releasedSha256: string;
    }>(AUDIT_PATTERNS.releasedPackage, params, ctx);
    const digest = (hex: string) => `sha-256=${Buffer.from(hex, 'hex').toString('base64')}`;
    res.setHeader('Digest', digest(released.sha256));
    // A person erased from a case since the release: this is the package as it reads now, and
    // the digest recorded at release is given beside it (docs/erasure.md).
    if (released.releasedSha256 !== released.sha256)
      res.setHeader('Lse-Released-Digest', digest(released.releasedSha256));
    if (query.format === 'html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return released.html;
    }
    return released.package;
  }
}
