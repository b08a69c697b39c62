import { Param, Res } from '@nestjs/common';
import {
  AUDIT_PATTERNS,
  FoiaPackageReply,
  FoiaPackageResultReply,
  FoiaRequestItemReply,
  FoiaRequestViewReply,
  FoiaVersionReply,
  FoiaRequestPageReply,
  ReleasedPackageReply,
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
import { digestHeader, RELEASED_PACKAGE_HEADERS } from './released-package';

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
      'The released package as JSON or printable HTML (?format=html), byte for byte as released, checked against its recorded digest',
    description:
      'The bytes stored at release, checked against the digests FoiaResponseReleased recorded (a stored copy that does not match is never served: 500 `released-package-altered`, whose detail names `npm run cases -- verify`). Without a stored copy (a package released before copies were kept, or one dropped by an erasure of a person of its cases) it is compiled again: `Lse-Package-Recompiled` says so and why, and when the result differs from what was released, `Lse-Released-Digest` gives the digest recorded at release.',
    tags: ['foia'],
    roles: FOIA_OFFICERS,
    params: RequestIdParams,
    query: PackageQuery,
    response: {
      status: 200,
      description:
        'The package: its canonical JSON, or with ?format=html a printable document (case summary, chronology in plain words, then the records). The Digest header is the SHA-256 of the body.',
      schema: FoiaPackageReply,
      otherContent: { 'text/html': { schema: { type: 'string' } } },
      headers: RELEASED_PACKAGE_HEADERS,
    },
    errors: {
      500: 'The copy stored at release does not open or is not the bytes whose digests were recorded (`released-package-altered`): it is never served; the detail says to run `npm run cases -- verify`.',
    },
  })
  async package(
    @Param(new ZodPipe(RequestIdParams)) params: Params,
    @ValidQuery(PackageQuery) query: z.infer<typeof PackageQuery>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const served = await this.services.call<ReleasedPackageReply>(
      AUDIT_PATTERNS.releasedPackage,
      params,
      ctx,
    );
    const html = query.format === 'html';
    // The digests of the representation served: the body's, and the one recorded at release.
    const [sha256, released] = html
      ? [served.htmlSha256, served.releasedHtmlSha256]
      : [served.sha256, served.releasedSha256];
    res.setHeader('Digest', digestHeader(sha256));
    if (served.recompiled) res.setHeader('Lse-Package-Recompiled', served.recompiled);
    // Not the bytes released (a person erased since, or the compiler changed): what was released
    // is named beside it (docs/erasure.md#released-foia-packages).
    if (released !== sha256) res.setHeader('Lse-Released-Digest', digestHeader(released));
    // The stored bytes themselves, never re-serialised: the body is what the digest names.
    res.setHeader('Content-Type', html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8');
    return html ? served.html : served.json;
  }
}
