import { INTAKE_PATTERNS, type CaseItemReply, CasePageReply, EmployerMatchesReply } from '@lse/contracts';
import type { z } from 'zod';
import { listPage, type Page } from '../http/pagination';
import { ValidQuery } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { CASE_READERS, EMPLOYER_READERS } from './roles';
import { byTimeAndCase, CaseIndexQuery, EmployerQuery } from './schemas';

/** The case index and the employer lookup (repeat violators, duplicates). */
@ApiController()
export class CasesController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'listCases',
    method: 'GET',
    path: 'cases',
    summary:
      'Opened cases, and complaints that ended at intake, by case number, employer, status, priority and office',
    description:
      'Each entry follows its case across services (`statusHistory`, `statusChangedAt`). A complaint declined, ' +
      'referred out, linked as a duplicate or merged before it was opened is listed under that status with no ' +
      'case number. `status=open` is any of opened, under_investigation, determination_issued, in_collections. ' +
      'Ordered by `listedAt` (the opening date of a case, the date a complaint ended at intake), then caseId.',
    tags: ['cases'],
    roles: CASE_READERS,
    query: CaseIndexQuery,
    response: { status: 200, description: 'A page of the case index.', schema: CasePageReply },
  })
  async list(
    @ValidQuery(CaseIndexQuery) query: z.infer<typeof CaseIndexQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<CaseItemReply>> {
    return listPage(
      this.services,
      INTAKE_PATTERNS.listCases,
      query,
      ctx,
      byTimeAndCase<CaseItemReply>((row) => row.listedAt),
    );
  }

  @Endpoint({
    operationId: 'findEmployer',
    method: 'GET',
    path: 'employers',
    summary:
      'Every case with an employer like this one (FEIN, or name and address by similarity), with score and reason',
    tags: ['cases'],
    roles: EMPLOYER_READERS,
    query: EmployerQuery,
    response: {
      status: 200,
      description: 'Matching employers, best first, with why each matched and its cases.',
      schema: EmployerMatchesReply,
    },
  })
  find(@ValidQuery(EmployerQuery) query: z.infer<typeof EmployerQuery>, @CallCtx() ctx: CallContext) {
    return this.services.call<EmployerMatchesReply>(INTAKE_PATTERNS.findEmployer, query, ctx);
  }
}
