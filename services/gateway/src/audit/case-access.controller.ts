import { Param } from '@nestjs/common';
import { AUDIT_PATTERNS, CaseAccessPageReply, type CaseAccessEntryReply } from '@lse/contracts';
import { z } from 'zod';
import { pageOf, parsePageQuery, type Page } from '../http/pagination';
import { CaseIdParams } from '../http/params';
import { ValidQuery, ZodPipe } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { AUDITORS } from './roles';

const AccessQuery = z.strictObject({ cursor: z.string().optional(), limit: z.string().optional() });
const AccessPosition = z.strictObject({ version: z.int().nonnegative() });


/** Who read a case's records, for the auditor (issue 21: the case history's record-access entries). */
@ApiController()
export class CaseAccessController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'caseRecordAccess',
    method: 'GET',
    path: 'cases/:caseId/record-access',
    summary:
      "Every recorded read of a case's records: who (id, role, organization), what (resource and route), when, and its place in the access stream's hash chain (recorded as a read; 404, recording nothing, for a case that does not exist)",
    description:
      "The RecordAccessed events of the case's access stream, oldest first. This read is itself recorded (resource `record-access`) before the answer, so it is on the last page.",
    tags: ['audit'],
    roles: AUDITORS,
    params: CaseIdParams,
    query: AccessQuery,
    response: {
      status: 200,
      description: 'A page of the reads, in the order they were recorded.',
      schema: CaseAccessPageReply,
    },
  })
  async recordAccess(
    @Param(new ZodPipe(CaseIdParams)) params: z.infer<typeof CaseIdParams>,
    @ValidQuery(AccessQuery) query: z.infer<typeof AccessQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<CaseAccessEntryReply>> {
    const { limit, after } = parsePageQuery(query, AccessPosition);
    const { items } = await this.services.call<{ items: CaseAccessEntryReply[] }>(
      AUDIT_PATTERNS.caseAccess,
      { caseId: params.caseId, after: after?.version ?? 0, limit: limit + 1 },
      ctx,
    );
    return pageOf(items, limit, (last) => ({ version: last.streamVersion }));
  }
}
