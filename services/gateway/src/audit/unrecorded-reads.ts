/**
 * GET routes that append no RecordAccessed in the gateway, each with the reason (reads of
 * personal data and case histories are recorded: docs/architecture.md#recorded-reads). Every
 * other GET route carries
 * `@RecordsAccess(...)`: services/gateway/test/record-access.spec.ts fails on a GET route that is
 * in neither place, so each new read is decided on. "Public" follows the field classification in
 * libs/contracts (an employer's or debtor's name and address are public; a FEIN is not shown).
 */
export const UNRECORDED_READS: Readonly<Record<string, string>> = {
  'GET whoami': "the caller's own token claims",
  'GET auth/config': 'public sign-in settings (provider URL, client id, scopes): no record content',
  'GET cases/:caseId/history': 'audit records it itself (case-history) before it answers',
  'GET cases/:caseId/state': 'audit records it itself (case-state) before it answers',
  'GET cases/:caseId/record-access': 'audit records it itself (record-access) before it answers',
  'GET integrity/verification': 'stream ids, versions and positions: no record content',
  'GET integrity/checkpoints/latest': 'a Merkle root and counts: no record content',
  'GET complaints': 'the queue: employer name, office, priority, counts; no worker identity',
  'GET cases': 'the case index: case number, employer name, status, priority, office',
  'GET employers': 'employer names and addresses (public) and their case numbers',
  'GET investigations': 'case number, priority, status, assigned staff id, determined total',
  'GET investigations/workload': 'caseload counts per investigator',
  'GET collection-reports/receivables': 'debtor names (public) and amounts per case',
  'GET collection-reports/installments-due': 'debtor names (public) and installments per case',
  'GET collection-reports/defaults': 'debtor names (public) and missed installments per case',
  'GET collection-reports/collection-rate': 'totals per office, industry or month',
  'GET reports/dashboard': 'counts, durations and sums per channel, language, office, sector or month',
  'GET agreements': "agreements' public terms (signatories by title, not name)",
  'GET agreements/:id': "an agreement's public terms and clause versions",
  'GET partners/:id/meetings': 'dates, kinds, attendee counts and topics (notes are not served)',
  'GET outreach-events': 'events with attendance counts, never attendees',
  'GET foia-requests': 'status, case ids and the requester’s organization (never the requester)',
  'GET foia-requests/:requestId/package': 'the released package: a public record by then',
  'GET retention/reports/latest': 'record types, case and request ids, dates and counts: no record content',
  'GET retention/reports': 'record types, case and request ids, dates and counts: no record content',
  'GET retention/due':
    "record types, ids, closing and due dates, holds' ids and matter references: no personal data",
  'GET erasures/:erasureId': 'subject kind, key id, case ids, basis, staff id and time: no personal data',
  'GET wage-rule-sets':
    'rule-set versions (rates, thresholds, effective dates, the publishing staff id, why): no case data',
};
