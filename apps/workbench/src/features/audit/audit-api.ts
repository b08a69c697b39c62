import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer B } } } };
}
  ? B
  : never;

export type HistoryEntry = Json<'/api/v1/cases/{caseId}/history'>['items'][number];
export type AccessEntry = Json<'/api/v1/cases/{caseId}/record-access'>['items'][number];
export type CaseState = Json<'/api/v1/cases/{caseId}/state'>;
export type IntegrityReport = Json<'/api/v1/integrity/verification'>;
export type SignedCheckpoint = Json<'/api/v1/integrity/checkpoints/latest'>;

/** The largest page the gateway serves: a case's whole history in few reads (each read is recorded). */
const PAGE = 200;

async function allPages<T>(
  read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * Every event of the case, in global order. Read once per visit: never refetched behind the
 * auditor's back (each read is itself recorded on the case's timeline), and dropped when the
 * screen closes, so the next visit reads the case as it is then.
 */
export function useCaseHistory(caseId: string) {
  return useQuery({
    queryKey: ['audit', 'history', caseId],
    staleTime: Infinity,
    gcTime: 0,
    queryFn: () =>
      allPages(async (cursor) =>
        ok(
          await api.GET('/api/v1/cases/{caseId}/history', {
            params: { path: { caseId }, query: { cursor, limit: PAGE } },
          }),
        ),
      ),
  });
}

/** Who read the case's records, oldest first (this read is the last of them). */
export function useRecordAccess(caseId: string) {
  return useQuery({
    queryKey: ['audit', 'record-access', caseId],
    staleTime: Infinity,
    gcTime: 0,
    queryFn: () =>
      allPages(async (cursor) =>
        ok(
          await api.GET('/api/v1/cases/{caseId}/record-access', {
            params: { path: { caseId }, query: { cursor, limit: PAGE } },
          }),
        ),
      ),
  });
}

/**
 * The case replayed as of `asOf`, or as it is now when absent. A past instant's state never
 * changes (later events are recorded later), so it is read once; "now" once per visit.
 */
export function useCaseState(caseId: string, asOf: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['audit', 'state', caseId, asOf ?? 'now'],
    staleTime: Infinity,
    ...(asOf ? {} : { gcTime: 0 }),
    enabled,
    // Moving through time, the instant before stays shown until the next has replayed.
    placeholderData: asOf ? keepPreviousData : undefined,
    queryFn: async () =>
      ok(
        await api.GET('/api/v1/cases/{caseId}/state', {
          params: { path: { caseId }, query: asOf ? { asOf } : {} },
        }),
      ),
  });
}
