import {
  Dashboard,
  DashboardQuery,
  REPORT_PATTERNS,
  type CollectionsDashboard,
  type IntakeDashboard,
} from '@lse/contracts';
import type { z } from 'zod';
import { ValidQuery } from '../http/zod.pipe';
import { ApiController, Endpoint } from '../openapi/endpoint';
import { CallCtx } from '../services/call-context.decorator';
import { ServicesClient, type CallContext } from '../services/services-client';
import { combineDashboard } from './combine-dashboard';
import { DASHBOARD_READERS } from './roles';

/** The manager dashboard: intake and collections each answer their part; the gateway joins them. */
@ApiController()
export class DashboardController {
  constructor(private readonly services: ServicesClient) {}

  @Endpoint({
    operationId: 'getDashboard',
    method: 'GET',
    path: 'reports/dashboard',
    summary:
      'Manager dashboard: intake volume by channel and language, time from complaint to case opened, open investigations by age, back wages assessed, collected and disbursed, collection rate; by office and industry',
    description:
      'Complaints count by the day (UTC) they were received, cases by the day they were opened, money by the day the collection case opened, all within `from`..`to` (both included; no bound when absent). Open investigations (opened or under investigation, no determination issued) are aged as of today, whatever the period. `industry` is a NAICS sector (two digits); each sector row names the targeted high-violation industries inside it.',
    tags: ['reports'],
    roles: DASHBOARD_READERS,
    query: DashboardQuery,
    response: { status: 200, description: 'The figures, with the filters they answer.', schema: Dashboard },
  })
  async dashboard(
    @ValidQuery(DashboardQuery) query: z.infer<typeof DashboardQuery>,
    @CallCtx() ctx: CallContext,
  ): Promise<Dashboard> {
    const [intake, collections] = await Promise.all([
      this.services.call<IntakeDashboard>(REPORT_PATTERNS.intakeDashboard, query, ctx),
      this.services.call<CollectionsDashboard>(REPORT_PATTERNS.collectionsDashboard, query, ctx),
    ]);
    return combineDashboard(query, intake, collections);
  }
}
