import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

export type InvestigationsQuery = NonNullable<paths['/api/v1/investigations']['get']['parameters']['query']>;
export type InvestigationItem =
  paths['/api/v1/investigations']['get']['responses']['200']['content']['application/json']['items'][number];

/** One page of GET /api/v1/investigations (P1 first, then oldest first: the server's order). */
export function useInvestigations(filters: InvestigationsQuery, cursor: string | undefined) {
  return useQuery({
    queryKey: ['investigations', filters, cursor],
    queryFn: async () =>
      ok(await api.GET('/api/v1/investigations', { params: { query: { ...filters, cursor, limit: 25 } } })),
    placeholderData: keepPreviousData,
  });
}
