import { Logger, Param, Res } from '@nestjs/common';
import { ErasePersonInput, ERASURE_PATTERNS, ErasureReply } from '@lse/contracts';
import type { HttpResponse } from '@lse/service-kit';
import { z } from 'zod';
import { ValidBody, ZodPipe } from '../http/zod.pipe';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { API_PREFIX, ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { ERASERS } from './roles';

const ErasureParams = z.strictObject({ erasureId: z.uuid() });

/**
 * Erasing a person (docs/architecture.md#erasing-a-person), served by audit. The person's id goes
 * in the body only: never in a URL, so never in an access log or a trace.
 */
@ApiController()
export class ErasureController {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly services: ServicesClient,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @Endpoint({
    operationId: 'erasePerson',
    method: 'POST',
    path: 'erasures',
    summary:
      'Erase a worker or complainant: their key is destroyed, so every value sealed under it reads [erased] everywhere (recorded as PersonErased)',
    description:
      'Refused (409, reason `under_legal_hold`, with the holds) while a legal hold is in effect on any case the person appears in; refused (409, reason `erasure_scope_incomplete`) when `cases` leaves out a case they appear in. Erasing the same person again answers the first erasure (`alreadyErased`).',
    tags: ['records'],
    roles: ERASERS,
    body: ErasePersonInput,
    errors: {
      404: 'Nothing is stored of this person (reason `subject_not_found`).',
      409: 'A legal hold is in effect on a case the person appears in (lift it first), or `cases` leaves out one of their cases.',
    },
    response: { status: 201, description: 'Erased; Location is the erasure record.', schema: ErasureReply },
  })
  async erase(
    @ValidBody(ErasePersonInput) input: z.infer<typeof ErasePersonInput>,
    @CallCtx() ctx: CallContext,
    @Res({ passthrough: true }) res: HttpResponse,
  ) {
    const result = await this.services.call<ErasureReply>(ERASURE_PATTERNS.erasePerson, input, ctx);
    // The gateway's stored answers about those cases go now, not when their day key is deleted
    // (docs/erasure.md). The erasure stands either way: a failure here is logged, not answered.
    await this.idempotency
      .forgetResources(result.caseIds)
      .catch((err: unknown) =>
        this.logger.warn(
          { erasureId: result.erasureId, error: err instanceof Error ? err.name : 'unknown' },
          'stored responses of the erased cases not dropped; they expire with their day key',
        ),
      );
    res.setHeader('Location', `/${API_PREFIX}/erasures/${result.erasureId}`);
    return result;
  }

  @Endpoint({
    operationId: 'getErasure',
    method: 'GET',
    path: 'erasures/:erasureId',
    summary:
      'An erasure record: the kind of subject, its key id, the cases, the basis, who and when (no personal data)',
    tags: ['records'],
    roles: ERASERS,
    params: ErasureParams,
    errors: { 404: 'No erasure with this id.' },
    response: { status: 200, description: 'The erasure.', schema: ErasureReply },
  })
  erasure(
    @Param(new ZodPipe(ErasureParams)) params: z.infer<typeof ErasureParams>,
    @CallCtx() ctx: CallContext,
  ) {
    return this.services.call<ErasureReply>(ERASURE_PATTERNS.erasure, params, ctx);
  }
}
