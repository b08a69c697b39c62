import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ok } from '../../api/client';
import { may } from '../../api/may';
import { isApiError } from '../../api/problem';
import type { Role } from '../../auth/session';
import { ENDED_AT_INTAKE, invalidateCaseEntry, useCaseEntry, type CaseEntry } from '../cases/case-index';
import type { InvestigationView } from './case-file-tab';
import { investigationKey, partsOf, useInvestigation, type InvestigationParts } from './investigation';

export const READ_INVESTIGATION = 'GET /api/v1/cases/{caseId}/investigation';
export const READ_COLLECTION = 'GET /api/v1/collections/{caseId}';
export const READ_COMPLAINT = 'GET /api/v1/complaints/{caseId}';
const IN_OR_PAST_COLLECTIONS: readonly CaseEntry['status'][] = ['determination_issued', 'in_collections', 'closed'];

export type CollectionView =
  import('../../api/schema').paths['/api/v1/collections/{caseId}']['get']['responses']['200']['content']['application/json'];

/** Why the case file has no investigation to show. */
export type NoInvestigation = 'loading' | 'not_yet' | 'ended_at_intake' | 'not_visible' | 'failed';

export interface CaseData {
  entry: CaseEntry | null | undefined;
  caseNumber: string | undefined;
  investigation: InvestigationView | null;
  parts: InvestigationParts | null;
  noInvestigation: NoInvestigation | null;
  investigationError: unknown;
  /** undefined: not asked (or not visible to the role); null: the case is not in collections. */
  collection: CollectionView | null | undefined;
  collectionVisible: boolean;
  collectionError: unknown;
  refresh: () => void;
}

/**
 * Everything the case file's header needs, each part from the API the role may read: the
 * investigation (investigators, supervisors, auditors), the collection case (collections
 * officers, supervisors, auditors), the case index entry (status, employer), and for an intake
 * officer the complaint, only to learn the case number when the page was opened from a bookmark.
 */
export function useCaseData(caseId: string, role: Role): CaseData {
  const queryClient = useQueryClient();
  const readsInvestigation = may(role, READ_INVESTIGATION);
  const inv = useInvestigation(caseId, readsInvestigation);
  const investigation = inv.data ?? null;

  const cached = queryClient.getQueryData<CaseEntry | null>(['case-entry', caseId]);
  const needComplaint = !readsInvestigation && !cached?.caseNumber && may(role, READ_COMPLAINT);
  const complaint = useQuery({
    queryKey: ['complaint-case-number', caseId],
    queryFn: async () => {
      const c = ok(await api.GET('/api/v1/complaints/{caseId}', { params: { path: { caseId } } }));
      return typeof c.caseNumber === 'string' ? c.caseNumber : null;
    },
    enabled: needComplaint,
    staleTime: Infinity,
  });

  const collectionVisible = may(role, READ_COLLECTION);
  const determinationIssued = !!(investigation && partsOf(investigation).determination?.issuedAt);
  const entryStatus = cached?.status;
  const askCollection =
    collectionVisible &&
    (determinationIssued || (entryStatus ? IN_OR_PAST_COLLECTIONS.includes(entryStatus) : !readsInvestigation));
  const collection = useQuery({
    queryKey: ['collection', caseId],
    queryFn: async (): Promise<CollectionView | null> => {
      try {
        return ok(await api.GET('/api/v1/collections/{caseId}', { params: { path: { caseId } } }));
      } catch (e) {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled: askCollection,
  });

  const caseNumber =
    investigation?.caseNumber ?? cached?.caseNumber ?? collection.data?.caseNumber ?? complaint.data ?? undefined;
  const entry = useCaseEntry(caseId, caseNumber, true);

  let noInvestigation: NoInvestigation | null = null;
  if (!investigation) {
    const status = entry.data?.status;
    if (status && ENDED_AT_INTAKE.includes(status)) noInvestigation = 'ended_at_intake';
    else if (!readsInvestigation) noInvestigation = 'not_visible';
    else if (inv.isPending) noInvestigation = 'loading';
    else if (isApiError(inv.error) && inv.error.status === 404) noInvestigation = 'not_yet';
    else noInvestigation = 'failed';
  }

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: investigationKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: ['collection', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['history', caseId] });
    void invalidateCaseEntry(queryClient, caseId);
  }, [queryClient, caseId]);

  return {
    entry: entry.data,
    caseNumber,
    investigation,
    parts: investigation ? partsOf(investigation) : null,
    noInvestigation,
    investigationError: noInvestigation === 'failed' ? inv.error : null,
    collection: askCollection ? collection.data : undefined,
    collectionVisible,
    collectionError: collection.error,
    refresh,
  };
}
