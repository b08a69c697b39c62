import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ok } from '../../api/client';
import { may } from '../../auth/may';
import { isApiError } from '../../api/problem';
import type { Role } from '../../auth/session';
import { ENDED_AT_INTAKE, invalidateCaseEntry, useCaseEntry, type CaseEntry } from '../cases/case-index';
import type { InvestigationView } from './case-file-tab';
import { investigationKey, useInvestigation } from './investigation';

export const READ_INVESTIGATION = 'GET /api/v1/cases/{caseId}/investigation';
export const READ_COLLECTION = 'GET /api/v1/collections/{caseId}';
export const READ_COMPLAINT = 'GET /api/v1/complaints/{caseId}';
const IN_OR_PAST_COLLECTIONS: readonly CaseEntry['status'][] = [
  'determination_issued',
  'in_collections',
  'closed',
];

export type CollectionView =
  import('../../api/schema').paths['/api/v1/collections/{caseId}']['get']['responses']['200']['content']['application/json'];

/** Why the case file has no investigation to show. */
export type NoInvestigation =
  'loading' | 'not_yet' | 'not_opened' | 'ended_at_intake' | 'not_visible' | 'failed';

/** What the case file takes from the complaint when nothing else says it. */
interface ComplaintFacts {
  caseNumber: string | null;
  status: string;
  employerName: string | null;
}
/** Complaint statuses that end at intake: no case, no investigation. */
const COMPLAINT_ENDED = ['declined', 'withdrawn', 'referred_out', 'duplicate', 'merged'];

export interface CaseData {
  entry: CaseEntry | null | undefined;
  /** The employer named on the complaint, for a case the index cannot say (not opened yet). */
  complaintEmployer: string | null | undefined;
  /** The complaint's status, where it was read (a complaint not opened, or ended at intake). */
  complaintStatus: string | undefined;
  caseNumber: string | undefined;
  investigation: InvestigationView | null;
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
 * officers, supervisors, auditors), the case index entry (status, employer), and the complaint
 * only when nothing else tells the case number (an intake officer's bookmark) or why there is no
 * investigation (a complaint not opened, or ended at intake).
 */
export function useCaseData(caseId: string, role: Role): CaseData {
  const queryClient = useQueryClient();
  const readsInvestigation = may(role, READ_INVESTIGATION);
  const inv = useInvestigation(caseId, readsInvestigation);
  const investigation = inv.data ?? null;

  const cached = queryClient.getQueryData<CaseEntry | null>(['case-entry', caseId]);
  const investigationMissing = isApiError(inv.error) && inv.error.status === 404;
  const needComplaint =
    may(role, READ_COMPLAINT) && (readsInvestigation ? investigationMissing : !cached?.caseNumber);
  const complaint = useQuery({
    queryKey: ['complaint-facts', caseId],
    queryFn: async (): Promise<ComplaintFacts> => {
      const c = ok(await api.GET('/api/v1/complaints/{caseId}', { params: { path: { caseId } } }));
      const employer = (c.complaint as { employer?: { name?: string } }).employer;
      return {
        caseNumber: typeof c.caseNumber === 'string' ? c.caseNumber : null,
        status: c.status,
        employerName: employer?.name ?? null,
      };
    },
    enabled: needComplaint,
  });

  const collectionVisible = may(role, READ_COLLECTION);
  const determinationIssued = !!investigation?.determination?.issuedAt;
  const entryStatus = cached?.status;
  const askCollection =
    collectionVisible &&
    (determinationIssued ||
      (entryStatus ? IN_OR_PAST_COLLECTIONS.includes(entryStatus) : !readsInvestigation));
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
    investigation?.caseNumber ??
    cached?.caseNumber ??
    collection.data?.caseNumber ??
    complaint.data?.caseNumber ??
    undefined;
  const entry = useCaseEntry(caseId, caseNumber, true);

  let noInvestigation: NoInvestigation | null = null;
  if (!investigation) {
    const status = entry.data?.status;
    const complaintStatus = complaint.data?.status;
    if (status && ENDED_AT_INTAKE.includes(status)) noInvestigation = 'ended_at_intake';
    else if (complaintStatus && COMPLAINT_ENDED.includes(complaintStatus))
      noInvestigation = 'ended_at_intake';
    else if (complaintStatus === 'received') noInvestigation = 'not_opened';
    else if (!readsInvestigation) noInvestigation = 'not_visible';
    else if (inv.isPending) noInvestigation = 'loading';
    else if (investigationMissing) noInvestigation = 'not_yet';
    else noInvestigation = 'failed';
  }

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: investigationKey(caseId) });
    void queryClient.invalidateQueries({ queryKey: ['collection', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['history', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['complaint-facts', caseId] });
    void invalidateCaseEntry(queryClient, caseId);
  }, [queryClient, caseId]);

  return {
    entry: entry.data,
    complaintEmployer: complaint.data?.employerName,
    complaintStatus: complaint.data?.status,
    caseNumber,
    investigation,
    noInvestigation,
    investigationError: noInvestigation === 'failed' ? inv.error : null,
    collection: askCollection ? collection.data : undefined,
    collectionVisible,
    collectionError: collection.error,
    refresh,
  };
}
