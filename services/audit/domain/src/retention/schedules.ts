import type { Disposition, RetentionRecordType } from '@lse/contracts';

/** Where a period comes from: a citation, or the agency's own policy said as such. */
export type RetentionAuthority = { kind: 'citation'; citation: string } | { kind: 'agency_policy' };

export interface RetentionScheduleEntry {
  recordType: RetentionRecordType;
  /** The events whose date starts the period (docs/architecture.md#records-management). */
  closedBy: readonly string[];
  /** Whole years from the closing date; null for a record that is kept. */
  retainYears: number | null;
  disposition: Disposition;
  authority: RetentionAuthority;
  /** Why this period, in a sentence: what an auditor reads before changing it. */
  basis: string;
}

export interface RetentionSchedule {
  /** Recorded with every disposition and report: a change of period is a new version. */
  version: string;
  effectiveOn: string;
  entries: readonly RetentionScheduleEntry[];
}

/**
 * The agency's retention schedule, as data (docs/architecture.md#rules-are-data). No source in the
 * product's domain notes (/work/shared/domain, the seed documents) sets a retention period for any
 * of these records, so every period is the agency's policy and says so; an agency under an
 * approved records schedule (NARA's for a federal one, the state archivist's otherwise) puts its
 * own periods and citations here, as a new version. The one legal fact the periods are set
 * against is the FLSA limitation period (29 U.S.C. 255(a): 2 years, 3 if willful), so that no
 * record is erased while a claim on it can still be brought.
 */
export const RETENTION_SCHEDULE: RetentionSchedule = {
  version: '2026-12-agency-1',
  effectiveOn: '2026-12-06',
  entries: [
    {
      recordType: 'complaint_without_case',
      closedBy: [
        'ComplaintDeclined',
        'ComplaintWithdrawn',
        'ComplaintReferredOut',
        'ComplaintMerged',
        'DuplicateLinked',
      ],
      retainYears: 3,
      disposition: 'erase_personal_data',
      authority: { kind: 'agency_policy' },
      basis:
        'Outlasts the limitation period for a willful violation (29 U.S.C. 255(a), 3 years): the complaint is there if the worker comes back.',
    },
    {
      recordType: 'investigation_case',
      closedBy: ['InvestigationClosed'],
      retainYears: 6,
      disposition: 'erase_personal_data',
      authority: { kind: 'agency_policy' },
      basis:
        'Twice the 3-year limitation period (29 U.S.C. 255(a)): repeat-violator history and a reopened case need the findings.',
    },
    {
      recordType: 'collection_case',
      closedBy: ['CollectionCaseClosed'],
      retainYears: 6,
      disposition: 'erase_personal_data',
      authority: { kind: 'agency_policy' },
      basis: 'As the investigation it collects on; a case reopened after closing restarts the period.',
    },
    {
      recordType: 'foia_request',
      closedBy: ['FoiaResponseReleased'],
      retainYears: 6,
      disposition: 'erase_personal_data',
      authority: { kind: 'agency_policy' },
      basis:
        "The request, its package's digests and the redaction log, for an appeal or a suit on the release.",
    },
    {
      recordType: 'partner_referral',
      closedBy: ['ReferralClosed', 'ReferralDeclined'],
      retainYears: 3,
      disposition: 'erase_personal_data',
      authority: { kind: 'agency_policy' },
      basis: "The partner's own submission and consents; the case it became keeps its own period.",
    },
    {
      recordType: 'access_log',
      closedBy: [],
      retainYears: null,
      disposition: 'keep',
      authority: { kind: 'agency_policy' },
      basis: 'Who read which record is the audit trail of the others: kept; it holds staff ids, not workers.',
    },
  ],
};

export function scheduleEntryFor(
  schedule: RetentionSchedule,
  recordType: RetentionRecordType,
): RetentionScheduleEntry | undefined {
  return schedule.entries.find((e) => e.recordType === recordType);
}

/** How the authority reads in a report: the citation, or "agency policy". */
export const authorityText = (authority: RetentionAuthority) =>
  authority.kind === 'citation' ? authority.citation : 'agency policy';
