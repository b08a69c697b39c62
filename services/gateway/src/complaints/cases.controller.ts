import { INTAKE_PATTERNS } from '@lse/contracts';
import type { z } from 'zod';
import type { Page } from '../http/pagination';
import { ValidQuery } from '../http/zod.pipe';
import { listPage } from './list-page';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { CASE_READERS, EMPLOYER_READERS } from './roles';
import {
  CaseIndexQuery,
  CasePageSchema,
  EmployerMatchesSchema,
  EmployerQuery,
  type CaseItem,
} from './schemas';

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
    response: { status: 200, description: 'A page of the case index.', schema: CasePageSchema },
  })
  async list(
    @ValidQuery(CaseIndexQuery) query: z.infer<typeof CaseIndexQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Page<CaseItem>> {
    return listPage<CaseItem>(this.services, INTAKE_PATTERNS.listCases, query, ctx, (row) => row.listedAt);
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
      schema: EmployerMatchesSchema,
    },
  })
  find(@ValidQuery(EmployerQuery) query: z.infer<typeof EmployerQuery>, @CallCtx() ctx: CallContext) {
    return this.services.call<z.infer<typeof EmployerMatchesSchema>>(
      INTAKE_PATTERNS.findEmployer,
      query,
      ctx,
    );
  }
}
