import { PartnersListPosition } from '@lse/contracts';
import { pageOf, parsePageQuery, type Page } from '../http/pagination';
import type { CallContext, ServicesClient } from '../services/services-client';

type PagedQuery = Record<string, unknown> & { cursor?: string; limit?: string };

/** One keyset page of a partners read model, ordered by (at, id); the cursor encodes the last row. */
export async function partnersPage<T extends { id: string; at: string }>(
  services: ServicesClient,
  pattern: string,
  query: PagedQuery,
  ctx: CallContext,
  extra: Record<string, unknown> = {},
): Promise<Page<T>> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const { limit, after } = parsePageQuery(query, PartnersListPosition);
  const { items } = await services.call<{ items: T[] }>(
    pattern,
    { filters: { ...filters, ...extra }, limit: limit + 1, ...(after ? { after } : {}) },
    ctx,
  );
  return pageOf(items, limit, (last) => ({ at: last.at, id: last.id }));
}

/** `{id, expectedVersion?, input}` from route, If-Match and body. */
export function commandData(id: string, input: unknown, expectedVersion: number | 'any' | undefined) {
  return { id, input, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
}
