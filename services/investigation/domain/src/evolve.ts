import type { InterviewRecorded, InvestigationEvent } from '@lse/contracts';
import { continued } from './figures';
import type { InterviewSummary, Investigation, InvestigationState } from './state';

/** Folds one event. Events that cannot apply leave the state as it is (never thrown on replay). */
export function evolve(state: InvestigationState, event: InvestigationEvent): InvestigationState {
  if (event.type === 'InvestigationOpened') {
    if (state.status !== 'none') return state;
    return {
      status: 'open',
      investigation: {
        ...event.data,
        employers: {},
        interviews: [],
        recordsRequests: {},
        subpoenaIds: [],
        evidence: {},
        recordSets: {},
        computations: {},
        violations: {},
        retaliationConcerns: [],
        letters: {},
        penalties: {},
      },
    };
  }
  if (event.type === 'InvestigationReopened')
    return state.status === 'closed' ? { status: 'open', investigation: state.investigation } : state;
  if (state.status !== 'open') return state;
  const inv = state.investigation;
  const next = (changes: Partial<Investigation>): InvestigationState => ({
    status: 'open',
    investigation: { ...inv, ...changes },
  });
  switch (event.type) {
    case 'InvestigatorAssigned':
      return next({ investigatorId: event.data.investigatorId });
    case 'EmployerAdded':
      return next({ employers: { ...inv.employers, [event.data.employerId]: event.data } });
    case 'InterviewRecorded':
      return next({ interviews: [...inv.interviews, interviewSummary(event.data)] });
    case 'RecordsRequested':
      return next({
        recordsRequests: {
          ...inv.recordsRequests,
          [event.data.requestId]: { ...event.data, received: false },
        },
      });
    case 'RecordsReceived': {
      const request = inv.recordsRequests[event.data.requestId];
      if (!request) return state;
      return next({
        recordsRequests: {
          ...inv.recordsRequests,
          [event.data.requestId]: { ...request, received: request.received || event.data.complete },
        },
      });
    }
    case 'SubpoenaIssued':
      return next({ subpoenaIds: [...inv.subpoenaIds, event.data.subpoenaId] });
    case 'EvidenceAttached':
      return next({ evidence: { ...inv.evidence, [event.data.evidenceId]: event.data } });
    case 'HoursAndWagesRecorded':
      return next({ recordSets: { ...inv.recordSets, [event.data.recordSetId]: event.data } });
    case 'BackWagesComputed':
      return next({
        computations: { ...inv.computations, [event.data.computationId]: event.data },
        latestComputationId: event.data.computationId,
      });
    case 'BackWageFiguresContinued': {
      const computation = inv.computations[event.data.computationId];
      if (!computation) return state;
      return next({
        computations: {
          ...inv.computations,
          [computation.computationId]: continued(computation, event.data),
        },
      });
    }
    case 'ViolationFound':
      return next({ violations: { ...inv.violations, [event.data.violationId]: event.data } });
    case 'RetaliationConcernFlagged': {
      const { description: _narrative, ...concern } = event.data;
      return next({ retaliationConcerns: [...inv.retaliationConcerns, concern] });
    }
    case 'ImmigrationSupportLetterRequested': {
      const { letterId, workerId, program, requestedOn } = event.data;
      return next({
        letters: { ...inv.letters, [letterId]: { workerId, program, requestedOn, issued: false } },
      });
    }
    case 'ImmigrationSupportLetterIssued': {
      const letter = inv.letters[event.data.letterId];
      const { issuedOn, evidenceId } = event.data;
      return letter
        ? next({
            letters: {
              ...inv.letters,
              [event.data.letterId]: {
                ...letter,
                issued: true,
                issuedOn,
                ...(evidenceId ? { evidenceId } : {}),
              },
            },
          })
        : state;
    }
    case 'CivilPenaltyAssessed':
      return next({ penalties: { ...inv.penalties, [event.data.penaltyId]: event.data } });
    case 'DeterminationProposed':
      return next({ determination: { proposal: event.data } });
    case 'DeterminationApproved':
      return inv.determination?.proposal.determinationId === event.data.determinationId
        ? next({ determination: { ...inv.determination, approvedBy: event.data.approvedBy } })
        : state;
    case 'DeterminationIssued':
      return inv.determination?.proposal.determinationId === event.data.determinationId
        ? next({ determination: { ...inv.determination, issuedAt: event.data.issuedAt } })
        : state;
    case 'InvestigationClosed':
      return { status: 'closed', investigation: inv, closure: event.data };
  }
}

/** What the investigation keeps of an interview: no name, phone, summary or notes. */
function interviewSummary(interview: InterviewRecorded): InterviewSummary {
  return {
    interviewId: interview.interviewId,
    interviewedOn: interview.interviewedOn,
    role: interview.interviewee.role,
    workerId: interview.interviewee.workerId ?? null,
    language: interview.language,
    interpreterUsed: interview.interpreterUsed,
    traumaInformedProtocol: interview.traumaInformedProtocol,
    confidentialSource: interview.interviewee.confidentialSource,
  };
}
