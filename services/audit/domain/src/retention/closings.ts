import type { RetentionRecordType } from '@lse/contracts';

/** What an event does to a record's retention: starts its period, stops it, or hands it on. */
export type ClosingAction =
  /** The record closed on `dateOf` (its period starts). */
  | 'close'
  /** The record is open again: no period runs (it restarts at the next closing). */
  | 'reopen'
  /** A later stage of the case governs: the complaint became a case, collections took over. */
  | 'supersede';

export interface ClosingRule {
  /** The stream category the event is on (its id after the `-` is the record's id). */
  category: string;
  type: string;
  recordType: RetentionRecordType;
  action: ClosingAction;
  /** The closing date: the event's own date field, else the day it occurred (UTC). */
  dateOf?(data: Record<string, unknown>, occurredAt: string): string;
}

const occurred = (_: Record<string, unknown>, occurredAt: string) => occurredAt.slice(0, 10);
const field = (name: string) => (data: Record<string, unknown>, occurredAt: string) => {
  const value = data[name];
  return (typeof value === 'string' ? value : occurredAt).slice(0, 10);
};

const complaintClosing = (type: string): ClosingRule => ({
  category: 'complaint',
  type,
  recordType: 'complaint_without_case',
  action: 'close',
  dateOf: occurred,
});

/**
 * Which events close, reopen or hand on each record (the `closedBy` of the schedule's entries).
 * A case is closed in the same way intake's case index says it is (a collection case closed, or
 * an investigation closed with none opened: services/intake/domain/src/case-status.ts); a
 * complaint that never became a case closes when it is declined, withdrawn, referred out, merged
 * or linked as a duplicate.
 */
export const CLOSING_RULES: readonly ClosingRule[] = [
  complaintClosing('ComplaintDeclined'),
  complaintClosing('ComplaintWithdrawn'),
  complaintClosing('ComplaintReferredOut'),
  complaintClosing('ComplaintMerged'),
  complaintClosing('DuplicateLinked'),
  { category: 'complaint', type: 'CaseOpened', recordType: 'complaint_without_case', action: 'supersede' },
  {
    category: 'investigation',
    type: 'InvestigationClosed',
    recordType: 'investigation_case',
    action: 'close',
    dateOf: field('closedAt'),
  },
  {
    category: 'investigation',
    type: 'InvestigationReopened',
    recordType: 'investigation_case',
    action: 'reopen',
  },
  {
    category: 'collection',
    type: 'CollectionCaseOpened',
    recordType: 'investigation_case',
    action: 'supersede',
  },
  {
    category: 'collection',
    type: 'CollectionCaseClosed',
    recordType: 'collection_case',
    action: 'close',
    dateOf: field('closedOn'),
  },
  { category: 'collection', type: 'CollectionCaseReopened', recordType: 'collection_case', action: 'reopen' },
  {
    category: 'referral',
    type: 'ReferralClosed',
    recordType: 'partner_referral',
    action: 'close',
    dateOf: field('closedAt'),
  },
  {
    category: 'referral',
    type: 'ReferralDeclined',
    recordType: 'partner_referral',
    action: 'close',
    dateOf: field('declinedAt'),
  },
  {
    category: 'foia',
    type: 'FoiaResponseReleased',
    recordType: 'foia_request',
    action: 'close',
    dateOf: field('releasedAt'),
  },
];

/** The rule for an event of a category, if it has one. */
export function closingRuleFor(category: string, type: string): ClosingRule | undefined {
  return CLOSING_RULES.find((r) => r.category === category && r.type === type);
}
