import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

export type CaseQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;
export type CaseEntry =
  paths['/api/v1/cases']['get']['responses']['200']['content']['application/json']['items'][number];
export type CaseStatus = CaseEntry['status'];

export const CASE_STATUSES: readonly CaseStatus[] = [
  'opened',
  'under_investigation',
  'determination_issued',
  'in_collections',
  'closed',
  'declined',
  'referred_out',
  'duplicate',
  'merged',
];
/** Complaints that ended at intake: in the index, with no case number and no investigation. */
export const ENDED_AT_INTAKE: readonly CaseStatus[] = ['declined', 'referred_out', 'duplicate', 'merged'];

const entryKey = (caseId: string) => ['case-entry', caseId] as const;

/**
 * One page of GET /api/v1/cases. Each entry it brings is also kept under its case id, so the case
 * file opened from the list shows status and employer at once (the index has no lookup by id).
 */
export function useCaseIndex(filters: CaseQuery, cursor: string | undefined, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['cases', filters, cursor],
    queryFn: async () => {
      const page = ok(
        await api.GET('/api/v1/cases', { params: { query: { ...filters, cursor, limit: 25 } } }),
      );
      for (const item of page.items) queryClient.setQueryData(entryKey(item.caseId), item);
      return page;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * A case's entry in the index (status, employer). Known from the list it was opened from, or
 * looked up by its case number once the case file knows it (a bookmarked page).
 */
export function useCaseEntry(caseId: string, caseNumber: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: entryKey(caseId),
    queryFn: async (): Promise<CaseEntry | null> => {
      const page = ok(await api.GET('/api/v1/cases', { params: { query: { caseNumber, limit: 1 } } }));
      return page.items.find((i) => i.caseId === caseId) ?? null;
    },
    enabled: enabled && !!caseNumber,
  });
}

export function invalidateCaseEntry(queryClient: QueryClient, caseId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: entryKey(caseId) });
}
