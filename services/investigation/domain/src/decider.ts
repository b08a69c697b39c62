import type { InterviewRecorded, InvestigationEvent } from '@lse/contracts';
import type { Decider } from '@lse/domain';
import type { Actor, InvestigationCommand } from './commands';
import { issuedDetermination } from './determination';
import { continued, figureEvents } from './figures';
import {
  AlreadyRecordedError,
  DeterminationNotFoundError,
  InvalidInputError,
  InvestigationClosedError,
  InvestigationNotFoundError,
  NotPermittedError,
  UnknownReferenceError,
  WrongStepError,
} from './errors';
import { initialState, type InterviewSummary, type Investigation, type InvestigationState } from './state';

/** The investigation while it may be worked on; any other state refuses the command. */
function open(state: InvestigationState, caseId: string): Investigation {
  if (state.status === 'open') return state.investigation;
  if (state.status === 'none') throw new InvestigationNotFoundError(caseId);
  throw new InvestigationClosedError();
}

function requireSupervisor(actor: Actor, what: string): void {
  if (actor.role !== 'supervisor')
    throw new NotPermittedError(`Only a supervisor may ${what}.`, 'supervisor_only');
}

function requireEmployer(inv: Investigation, path: string, employerId: string): void {
  if (!inv.employers[employerId]) throw new UnknownReferenceError(path, 'employer', employerId);
}

function requireUnique(exists: boolean, what: string, id: string): void {
  if (exists) throw new AlreadyRecordedError(what, id);
}

/** No new findings, computations or penalties once a determination is approved: it would not be in it. */
function notDetermined(inv: Investigation): void {
  if (inv.determination?.approvedBy)
    throw new WrongStepError(
      'A determination is already approved; the findings it rests on can no longer change.',
      'determination_approved',
    );
}

/**
 * The one command a closed investigation takes (docs/architecture.md#invariants: nothing is
 * appended to a closed case except through an explicit reopen): a supervisor's, with the reason
 * and what came up.
 */
function reopen(
  command: Extract<InvestigationCommand, { type: 'ReopenInvestigation' }>,
  state: InvestigationState,
): InvestigationEvent[] {
  if (state.status === 'none') throw new InvestigationNotFoundError(command.caseId);
  requireSupervisor(command.actor, 'reopen an investigation');
  if (state.status !== 'closed')
    throw new WrongStepError('The investigation is open: only a closed one is reopened.', 'not_closed');
  return [
    {
      type: 'InvestigationReopened',
      data: {
        reason: command.reason,
        note: command.note,
        reopenedAt: command.now,
        reopenedBy: command.actor.id,
      },
    },
  ];
}

export function decide(command: InvestigationCommand, state: InvestigationState): InvestigationEvent[] {
  if (command.type === 'OpenInvestigation') {
    // A reaction to CaseOpened: delivered again, it changes nothing.
    if (state.status !== 'none') return [];
    const { caseId, caseNumber, priority, office, openedAt } = command;
    return [{ type: 'InvestigationOpened', data: { caseId, caseNumber, priority, office, openedAt } }];
  }
  if (command.type === 'ReopenInvestigation') return reopen(command, state);
  const inv = open(state, command.caseId);
  switch (command.type) {
    case 'AssignInvestigator': {
      requireSupervisor(command.actor, 'assign or reassign an investigator');
      if (inv.investigatorId === command.investigatorId)
        throw new WrongStepError('This investigator is already assigned.', 'already_assigned');
      return [
        {
          type: 'InvestigatorAssigned',
          data: {
            investigatorId: command.investigatorId,
            ...(inv.investigatorId ? { previousInvestigatorId: inv.investigatorId } : {}),
            assignedBy: command.actor.id,
            assignedAt: command.now,
            ...(command.reason ? { reason: command.reason } : {}),
          },
        },
      ];
    }
    case 'AddEmployer':
      requireUnique(!!inv.employers[command.employer.employerId], 'employer', command.employer.employerId);
      return [{ type: 'EmployerAdded', data: command.employer }];
    case 'RecordInterview': {
      const { interview } = command;
      requireUnique(
        inv.interviews.some((i) => i.interviewId === interview.interviewId),
        'interview',
        interview.interviewId,
      );
      const workerId = interview.interviewee.workerId;
      if (workerId && !['worker', 'former_worker'].includes(interview.interviewee.role))
        throw new InvalidInputError('interviewee.workerId', 'only a worker or former worker has a workerId');
      return [{ type: 'InterviewRecorded', data: interview }];
    }
    case 'RequestRecords': {
      const { request } = command;
      requireUnique(!!inv.recordsRequests[request.requestId], 'records request', request.requestId);
      requireEmployer(inv, 'employerId', request.employerId);
      if (request.dueOn < request.requestedOn) throw new InvalidInputError('dueOn', 'is before requestedOn');
      return [{ type: 'RecordsRequested', data: request }];
    }
    case 'ReceiveRecords': {
      const { receipt } = command;
      const request = inv.recordsRequests[receipt.requestId];
      if (!request) throw new UnknownReferenceError('requestId', 'records request', receipt.requestId);
      if (request.received)
        throw new WrongStepError('These records were already received in full.', 'records_complete');
      (receipt.evidenceIds ?? []).forEach((id, i) => {
        if (!inv.evidence[id]) throw new UnknownReferenceError(`evidenceIds[${i}]`, 'evidence', id);
      });
      return [{ type: 'RecordsReceived', data: receipt }];
    }
    case 'IssueSubpoena': {
      const { subpoena } = command;
      requireUnique(inv.subpoenaIds.includes(subpoena.subpoenaId), 'subpoena', subpoena.subpoenaId);
      requireEmployer(inv, 'employerId', subpoena.employerId);
      if (subpoena.requestId && !inv.recordsRequests[subpoena.requestId])
        throw new UnknownReferenceError('requestId', 'records request', subpoena.requestId);
      if (subpoena.returnOn < subpoena.issuedOn)
        throw new InvalidInputError('returnOn', 'is before issuedOn');
      return [{ type: 'SubpoenaIssued', data: subpoena }];
    }
    case 'AttachEvidence':
      requireUnique(!!inv.evidence[command.evidence.evidenceId], 'evidence', command.evidence.evidenceId);
      return [{ type: 'EvidenceAttached', data: command.evidence }];
    case 'RecordHoursAndWages': {
      const { recordSet } = command;
      requireUnique(!!inv.recordSets[recordSet.recordSetId], 'record set', recordSet.recordSetId);
      if (recordSet.employerId) requireEmployer(inv, 'employerId', recordSet.employerId);
      if (recordSet.evidenceId && !inv.evidence[recordSet.evidenceId])
        throw new UnknownReferenceError('evidenceId', 'evidence', recordSet.evidenceId);
      notDetermined(inv);
      return [{ type: 'HoursAndWagesRecorded', data: recordSet }];
    }
    case 'ComputeBackWages': {
      const { computation } = command;
      requireUnique(!!inv.computations[computation.computationId], 'computation', computation.computationId);
      notDetermined(inv);
      const workers = new Set<string>();
      computation.recordSetIds.forEach((id, i) => {
        const set = inv.recordSets[id];
        if (!set) throw new UnknownReferenceError(`recordSetIds[${i}]`, 'record set', id);
        set.workers.forEach((w) => workers.add(w.workerId));
      });
      computation.workers.forEach((w, i) => {
        if (!workers.has(w.workerId))
          throw new UnknownReferenceError(`workers[${i}].workerId`, 'worker of the record sets', w.workerId);
      });
      return figureEvents(computation);
    }
    case 'FindViolation': {
      const { violation } = command;
      requireUnique(!!inv.violations[violation.violationId], 'violation', violation.violationId);
      notDetermined(inv);
      violation.employerIds.forEach((id, i) => requireEmployer(inv, `employerIds[${i}]`, id));
      return [{ type: 'ViolationFound', data: violation }];
    }
    case 'FlagRetaliationConcern':
      requireUnique(
        inv.retaliationConcerns.some((c) => c.concernId === command.concern.concernId),
        'retaliation concern',
        command.concern.concernId,
      );
      return [{ type: 'RetaliationConcernFlagged', data: command.concern }];
    case 'RequestImmigrationLetter':
      requireUnique(!!inv.letters[command.request.letterId], 'letter request', command.request.letterId);
      return [{ type: 'ImmigrationSupportLetterRequested', data: command.request }];
    case 'IssueImmigrationLetter': {
      // A certification binds the agency: signed by a supervisor.
      requireSupervisor(command.actor, 'sign an immigration support letter');
      const letter = inv.letters[command.letterId];
      if (!letter) throw new UnknownReferenceError('letterId', 'letter request', command.letterId);
      if (letter.issued) throw new WrongStepError('This letter was already issued.', 'letter_issued');
      if (command.evidenceId && !inv.evidence[command.evidenceId])
        throw new UnknownReferenceError('evidenceId', 'evidence', command.evidenceId);
      return [
        {
          type: 'ImmigrationSupportLetterIssued',
          data: {
            letterId: command.letterId,
            issuedOn: command.issuedOn,
            signedBy: command.actor.id,
            ...(command.evidenceId ? { evidenceId: command.evidenceId } : {}),
          },
        },
      ];
    }
    case 'AssessCivilPenalty': {
      const { penalty } = command;
      requireUnique(!!inv.penalties[penalty.penaltyId], 'civil penalty', penalty.penaltyId);
      notDetermined(inv);
      requireEmployer(inv, 'employerId', penalty.employerId);
      penalty.violationIds.forEach((id, i) => {
        if (!inv.violations[id]) throw new UnknownReferenceError(`violationIds[${i}]`, 'violation', id);
      });
      return [{ type: 'CivilPenaltyAssessed', data: penalty }];
    }
    case 'ProposeDetermination':
      return [{ type: 'DeterminationProposed', data: proposal(command, inv) }];
    case 'ApproveDetermination': {
      requireSupervisor(command.actor, 'approve a determination');
      const determination = inv.determination;
      if (!determination || determination.proposal.determinationId !== command.determinationId)
        throw new DeterminationNotFoundError(command.determinationId);
      if (determination.approvedBy)
        throw new WrongStepError('This determination is already approved.', 'already_approved');
      // A determination needs a supervisor other than the investigator (docs/architecture.md#invariants).
      if (command.actor.id === determination.proposal.proposedBy)
        throw new NotPermittedError(
          'A determination must be approved by a supervisor other than the investigator who proposed it.',
          'self_approval',
        );
      return [
        {
          type: 'DeterminationApproved',
          data: {
            determinationId: command.determinationId,
            approvedBy: command.actor.id,
            ...(command.note ? { note: command.note } : {}),
          },
        },
      ];
    }
    case 'IssueDetermination': {
      const determination = inv.determination;
      if (!determination || determination.proposal.determinationId !== command.determinationId)
        throw new DeterminationNotFoundError(command.determinationId);
      if (determination.issuedAt)
        throw new WrongStepError('This determination was already issued.', 'already_issued');
      if (!determination.approvedBy)
        throw new WrongStepError(
          'A supervisor must approve the determination before it is issued.',
          'not_approved',
        );
      return [{ type: 'DeterminationIssued', data: issuedDetermination(inv, command.now) }];
    }
    case 'CloseInvestigation': {
      requireSupervisor(command.actor, 'close an investigation');
      const determination = inv.determination;
      if (command.reason === 'determination_issued' && !determination?.issuedAt)
        throw new WrongStepError('No determination has been issued.', 'no_determination_issued');
      if (determination?.approvedBy && !determination.issuedAt)
        throw new WrongStepError('Issue the approved determination before closing.', 'determination_pending');
      return [
        {
          type: 'InvestigationClosed',
          data: {
            reason: command.reason,
            closedAt: command.now,
            ...(command.note ? { note: command.note } : {}),
          },
        },
      ];
    }
  }
}

/** The investigator's proposal, with unspecified parts defaulted to everything recorded so far. */
function proposal(
  command: Extract<InvestigationCommand, { type: 'ProposeDetermination' }>,
  inv: Investigation,
) {
  if (command.actor.role !== 'investigator')
    throw new NotPermittedError('The investigator proposes the determination.', 'investigator_only');
  if (!inv.investigatorId)
    throw new WrongStepError('Assign an investigator before proposing a determination.', 'no_investigator');
  if (command.actor.id !== inv.investigatorId)
    throw new NotPermittedError('Only the assigned investigator proposes the determination.', 'not_assigned');
  if (inv.determination?.approvedBy)
    throw new WrongStepError('A determination is already approved.', 'determination_approved');
  const computationId = command.computationId ?? inv.latestComputationId;
  if (!computationId) throw new WrongStepError('Compute the back wages first.', 'no_computation');
  if (!inv.computations[computationId])
    throw new UnknownReferenceError('computationId', 'computation', computationId);
  const violationIds = command.violationIds ?? Object.keys(inv.violations);
  violationIds.forEach((id, i) => {
    if (!inv.violations[id]) throw new UnknownReferenceError(`violationIds[${i}]`, 'violation', id);
  });
  const penaltyIds = command.penaltyIds ?? Object.keys(inv.penalties);
  penaltyIds.forEach((id, i) => {
    if (!inv.penalties[id]) throw new UnknownReferenceError(`penaltyIds[${i}]`, 'civil penalty', id);
  });
  const employerIds = command.employerIds ?? Object.keys(inv.employers);
  if (employerIds.length === 0) throw new WrongStepError('Add the liable employer first.', 'no_employer');
  employerIds.forEach((id, i) => requireEmployer(inv, `employerIds[${i}]`, id));
  // A penalty against an employer the determination does not hold liable could not be collected.
  penaltyIds.forEach((id, i) => {
    if (!employerIds.includes(inv.penalties[id].employerId))
      throw new InvalidInputError(`penaltyIds[${i}]`, 'assessed against an employer not in employerIds');
  });
  return {
    determinationId: command.determinationId,
    proposedBy: command.actor.id,
    computationId,
    violationIds,
    penaltyIds,
    employerIds,
    summary: command.summary,
  };
}

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

export const investigationDecider: Decider<InvestigationCommand, InvestigationEvent, InvestigationState> = {
  decide,
  evolve,
  initialState,
};

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
