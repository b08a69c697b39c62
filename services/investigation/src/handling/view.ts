import type { InvestigationState } from '@lse/investigation-domain';

/**
 * The investigation as staff see it through the API (the case file): facts and figures; interviews,
 * retaliation concerns and immigration letters without their narrative or who said what (the
 * interviewee's name and phone, summaries, notes and descriptions stay in the events); record sets
 * by size rather than rows.
 */
export function viewOf(
  caseId: string,
  version: number,
  state: Exclude<InvestigationState, { status: 'none' }>,
) {
  const inv = state.investigation;
  return {
    caseId,
    version,
    status: state.status,
    caseNumber: inv.caseNumber,
    priority: inv.priority,
    office: inv.office,
    openedAt: inv.openedAt,
    investigatorId: inv.investigatorId ?? null,
    employers: Object.values(inv.employers),
    interviewIds: inv.interviews.map((i) => i.interviewId),
    interviews: inv.interviews,
    recordsRequests: Object.values(inv.recordsRequests),
    subpoenaIds: inv.subpoenaIds,
    evidence: Object.values(inv.evidence),
    recordSets: Object.values(inv.recordSets).map((s) => ({
      recordSetId: s.recordSetId,
      source: s.source,
      employerId: s.employerId ?? null,
      workers: s.workers.length,
      records: s.records.length,
    })),
    computations: Object.values(inv.computations).map((c) => ({
      computationId: c.computationId,
      ruleSets: c.ruleSets,
      filingDate: c.filingDate,
      totals: c.totals,
      traceSha256: c.traceSha256,
    })),
    violations: Object.values(inv.violations),
    civilPenalties: Object.values(inv.penalties),
    retaliationConcernIds: inv.retaliationConcerns.map((c) => c.concernId),
    retaliationConcerns: inv.retaliationConcerns,
    letters: Object.entries(inv.letters).map(([letterId, l]) => ({
      letterId,
      workerId: l.workerId,
      program: l.program,
      requestedOn: l.requestedOn,
      issued: l.issued,
      issuedOn: l.issuedOn ?? null,
      evidenceId: l.evidenceId ?? null,
    })),
    determination: inv.determination ?? null,
    closure: state.status === 'closed' ? state.closure : null,
  };
}
