import type { RecordedEvent } from '@lse/event-store';
import type { InvestigationState } from '@lse/investigation-domain';

/** Who recorded an event and when (the command's time), from its metadata. */
interface Recorded {
  at: string;
  by: string;
}

/**
 * When and by whom each finding and each step of the determination was recorded: the state keeps
 * the facts only, the stream's metadata says who did what when (what the case file shows).
 */
function recordedOf(recorded: RecordedEvent[]) {
  const byId = new Map<string, Recorded>();
  const determination = new Map<string, { proposed?: Recorded; approved?: Recorded; issued?: Recorded }>();
  for (const e of recorded) {
    const when = { at: e.metadata.occurredAt, by: e.metadata.actor.id };
    const data = e.data;
    switch (e.type) {
      case 'BackWagesComputed':
        byId.set(data.computationId as string, when);
        break;
      case 'ViolationFound':
        byId.set(data.violationId as string, when);
        break;
      case 'CivilPenaltyAssessed':
        byId.set(data.penaltyId as string, when);
        break;
      case 'DeterminationProposed':
      case 'DeterminationApproved':
      case 'DeterminationIssued': {
        const id = data.determinationId as string;
        const step =
          e.type === 'DeterminationProposed'
            ? 'proposed'
            : e.type === 'DeterminationApproved'
              ? 'approved'
              : 'issued';
        determination.set(id, { ...determination.get(id), [step]: when });
        break;
      }
      default:
        break;
    }
  }
  return { byId, determination };
}

/**
 * The investigation as staff see it through the API (the case file): facts and figures; interviews,
 * retaliation concerns and immigration letters without their narrative or who said what (the
 * interviewee's name and phone, summaries, notes and descriptions stay in the events); record sets
 * by size rather than rows; when (and by whom) each computation, violation, penalty and step of the
 * determination was recorded.
 */
export function viewOf(
  caseId: string,
  recorded: RecordedEvent[],
  state: Exclude<InvestigationState, { status: 'none' }>,
) {
  const inv = state.investigation;
  const { byId, determination } = recordedOf(recorded);
  const when = (id: string) => ({
    recordedAt: byId.get(id)?.at ?? null,
    recordedBy: byId.get(id)?.by ?? null,
  });
  const steps = inv.determination ? determination.get(inv.determination.proposal.determinationId) : undefined;
  return {
    caseId,
    version: recorded.length,
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
      recordSetIds: c.recordSetIds,
      rerunOf: c.rerunOf ?? null,
      filingDate: c.filingDate,
      willful: c.willful,
      excludedWorkweeks: c.excludedWorkweeks,
      totals: c.totals,
      traceSha256: c.traceSha256,
      ...when(c.computationId),
    })),
    latestComputationId: inv.latestComputationId ?? null,
    violations: Object.values(inv.violations).map((v) => ({ ...v, ...when(v.violationId) })),
    civilPenalties: Object.values(inv.penalties).map((p) => ({ ...p, ...when(p.penaltyId) })),
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
    determination: inv.determination
      ? {
          ...inv.determination,
          proposedAt: steps?.proposed?.at ?? null,
          approvedAt: steps?.approved?.at ?? null,
          issuedBy: steps?.issued?.by ?? null,
        }
      : null,
    closure: state.status === 'closed' ? state.closure : null,
  };
}
