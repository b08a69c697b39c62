/*
 * A case's status as the case index shows it, following the case across services. Each service
 * records its own milestones in its own streams; intake learns them from the events they publish
 * and folds them here, in the order they happened, so the answer does not depend on the order in
 * which JetStream delivered them.
 */

import type { CaseStatus } from '@lse/contracts';

/** The events that move a case, by the milestone they mark. */
export const CASE_MILESTONES = {
  case_opened: 'CaseOpened',
  investigator_assigned: 'InvestigatorAssigned',
  determination_issued: 'DeterminationIssued',
  investigation_closed: 'InvestigationClosed',
  investigation_reopened: 'InvestigationReopened',
  collection_opened: 'CollectionCaseOpened',
  collection_closed: 'CollectionCaseClosed',
  collection_reopened: 'CollectionCaseReopened',
  // How a complaint ends at intake without being opened: it enters the index with that status.
  // A referral counts only when the complaint is handed over (not cross-filed): the projector
  // records this milestone for those alone.
  complaint_declined: 'ComplaintDeclined',
  complaint_referred_out: 'ComplaintReferredOut',
  duplicate_linked: 'DuplicateLinked',
  complaint_merged: 'ComplaintMerged',
} as const;
export type CaseMilestoneKind = keyof typeof CASE_MILESTONES;

export const milestoneOfEventType = (type: string): CaseMilestoneKind | undefined =>
  (Object.keys(CASE_MILESTONES) as CaseMilestoneKind[]).find((k) => CASE_MILESTONES[k] === type);

export interface CaseMilestone {
  kind: CaseMilestoneKind;
  /** When the owning service recorded it (ISO-8601). */
  at: string;
  /** The event that marked it: ties equal instants in one order on every replica. */
  eventId: string;
}

export interface CaseStatusChange {
  status: CaseStatus;
  at: string;
}

/**
 * Every change of status with its date, oldest first; the last is the current status. An
 * assignment puts the case under investigation; an investigation closed while a collection case
 * is open leaves the case in collections (the money is still owed), and the collection case
 * closing closes it.
 */
export function caseStatusTimeline(milestones: readonly CaseMilestone[]): CaseStatusChange[] {
  const ordered = [...milestones].sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
  );
  const changes: CaseStatusChange[] = [];
  let status: CaseStatus | undefined;
  let collectionOpen = false;
  for (const m of ordered) {
    const next = ((): CaseStatus | undefined => {
      switch (m.kind) {
        case 'case_opened':
          return status ?? 'opened';
        case 'investigator_assigned':
          return status === 'opened' ? 'under_investigation' : status;
        case 'determination_issued':
          return collectionOpen ? status : 'determination_issued';
        case 'investigation_closed':
          return collectionOpen ? status : 'closed';
        case 'investigation_reopened':
          return collectionOpen ? status : 'under_investigation';
        case 'collection_opened':
          collectionOpen = true;
          return 'in_collections';
        case 'collection_closed':
          collectionOpen = false;
          return 'closed';
        case 'collection_reopened':
          collectionOpen = true;
          return 'in_collections';
        // Only a complaint still in intake ends this way (the decider refuses it once opened), so
        // each is the first and only status of its entry; after an opening it would change nothing.
        case 'complaint_declined':
          return status ?? 'declined';
        case 'complaint_referred_out':
          return status ?? 'referred_out';
        case 'duplicate_linked':
          return status ?? 'duplicate';
        case 'complaint_merged':
          return status ?? 'merged';
      }
    })();
    if (next && next !== status) {
      status = next;
      changes.push({ status, at: m.at });
    }
  }
  return changes;
}
