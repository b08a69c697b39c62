import { ListPositionSchema } from '@lse/contracts';
import { pageOf, parsePageQuery, type Page } from '../http/pagination';
import type { CallContext, ServicesClient } from '../services/services-client';

/** A list route's query: its filters plus the page's cursor and limit. */
type PagedQuery = Record<string, unknown> & { cursor?: string; limit?: string };

/**
 * One page of an intake read model, keyset-paged by (time, caseId): asks for one row more than
 * the limit to learn whether a next page exists, and encodes the last row as the cursor.
 */
export async function listPage<T extends { caseId: string }>(
  services: ServicesClient,
  subject: string,
  query: PagedQuery,
  ctx: CallContext,
  timeOf: (row: T) => string,
): Promise<Page<T>> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const { limit, after } = parsePageQuery(query, ListPositionSchema);
  const { items } = await services.call<{ items: T[] }>(
    subject,
    { filters, limit: limit + 1, ...(after ? { after } : {}) },
    ctx,
  );
  return pageOf(items, limit, (last) => ({ at: timeOf(last), caseId: last.caseId }));
}
