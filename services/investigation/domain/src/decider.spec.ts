import { DeterminationIssued, INVESTIGATION_EVENTS, type InvestigationEvent } from '@lse/contracts';
import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '.';
import {
  CASE_ID,
  CLIENT_ID,
  COMPUTATION,
  DETERMINATION,
  EMPLOYER_ID,
  EVIDENCE,
  LETTER,
  NOW,
  OTHER,
  PENALTY,
  RECORD_SET,
  REQUEST,
  VIOLATION,
  WORKER_A,
  WORKER_B,
  approved,
  assigned,
  base,
  clientAdded,
  computed,
  day,
  employerAdded,
  evidenceAttached,
  hoursRecorded,
  investigator,
  opened,
  otherInvestigator,
  otherSupervisor,
  penaltyAssessed,
  proposed,
  readyToPropose,
  recordsRequested,
  supervisor,
  system,
  violationFound,
} from '../test/fixtures';

const dataOf = <T extends InvestigationEvent['type']>(event: InvestigationEvent, _type: T) =>
  event.data as Extract<InvestigationEvent, { type: T }>['data'];

const closed: InvestigationEvent = {
  type: 'InvestigationClosed',
  data: { reason: 'administrative', closedAt: NOW },
};

const issued: InvestigationEvent = {
  type: 'DeterminationIssued',
  data: {
    caseId: CASE_ID,
    caseNumber: 'LSE-2026-000123',
    determinationId: DETERMINATION,
    issuedAt: NOW,
    computationId: COMPUTATION,
    ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
    // Worker B is owed nothing: not in the determination.
    workers: [
      {
        workerId: WORKER_A,
        name: 'Maria Planted-Worker',
        unpaidWagesCents: 5000,
        liquidatedDamagesCents: 5000,
        totalCents: 10_000,
      },
    ],
    civilPenalties: [
      { penaltyId: PENALTY, employerId: EMPLOYER_ID, amountCents: 250_000, statute: '29 U.S.C. 216(e)' },
    ],
    liableEmployers: [
      { employerId: EMPLOYER_ID, name: 'Golden Gate Car Wash LLC', role: 'direct', fein: '94-1234567' },
    ],
    violationIds: [VIOLATION],
    totals: {
      unpaidWagesCents: 5000,
      liquidatedDamagesCents: 5000,
      civilPenaltiesCents: 250_000,
      totalCents: 260_000,
    },
    proposedBy: investigator.id,
    approvedBy: supervisor.id,
  },
};

const openCmd: InvestigationCommand = {
  ...base(system),
  type: 'OpenInvestigation',
  caseNumber: 'LSE-2026-000123',
  priority: 'P1',
  office: 'SF-01',
  openedAt: '2026-01-16T09:00:00Z',
};

describe('InvestigationOpened (reaction to CaseOpened)', () => {
  it('opens the investigation with the case number, priority and office', () =>
    given(decider, []).when(openCmd).then([opened]));
  it('is idempotent: a redelivered CaseOpened changes nothing', () =>
    given(decider, [opened]).when(openCmd).then([]));
  it('changes nothing on a closed investigation either', () =>
    given(decider, [opened, closed]).when(openCmd).then([]));
  it('every other command needs an opened investigation', () =>
    given(decider, [])
      .when({ ...base(supervisor), type: 'AssignInvestigator', investigatorId: investigator.id })
      .thenThrows('not_found'));
});

describe('InvestigatorAssigned', () => {
  const assign = (
    actor = supervisor,
    investigatorId = investigator.id,
    reason?: string,
  ): InvestigationCommand => ({
    ...base(actor),
    type: 'AssignInvestigator',
    investigatorId,
    ...(reason ? { reason } : {}),
  });
  it('a supervisor assigns', () =>
    given(decider, [opened])
      .when(assign())
      .then([
        {
          type: 'InvestigatorAssigned',
          data: { ...dataOf(assigned, 'InvestigatorAssigned'), assignedAt: NOW },
        },
      ]));
  it('a supervisor reassigns, recording the previous investigator and why', () =>
    given(decider, [opened, assigned])
      .when(assign(otherSupervisor, otherInvestigator.id, 'Caseload.'))
      .then([
        {
          type: 'InvestigatorAssigned',
          data: {
            investigatorId: otherInvestigator.id,
            previousInvestigatorId: investigator.id,
            assignedBy: otherSupervisor.id,
            assignedAt: NOW,
            reason: 'Caseload.',
          },
        },
      ]));
  it('refuses an investigator (not a supervisor)', () =>
    given(decider, [opened]).when(assign(investigator)).thenThrows('forbidden'));
  it('refuses the system actor too', () =>
    given(decider, [opened]).when(assign(system)).thenThrows('forbidden'));
  it('refuses assigning the investigator already assigned', () =>
    given(decider, [opened, assigned]).when(assign()).thenThrows('invalid_transition'));
  it('the state holds the current investigator', () => {
    const state = decider.evolve(decider.evolve(decider.initialState, opened), assigned);
    expect(state.status === 'open' && state.investigation.investigatorId).toBe(investigator.id);
  });
});

describe('EmployerAdded', () => {
  const add = (employer = dataOf(employerAdded, 'EmployerAdded')): InvestigationCommand => ({
    ...base(),
    type: 'AddEmployer',
    employer,
  });
  it('adds an employer with its liability role and basis', () =>
    given(decider, [opened]).when(add()).then([employerAdded]));
  it('adds a joint employer (client) next to the direct one', () =>
    given(decider, [opened, employerAdded])
      .when(add(dataOf(clientAdded, 'EmployerAdded')))
      .then([clientAdded]));
  it('refuses the same employer id twice', () =>
    given(decider, [opened, employerAdded]).when(add()).thenThrows('conflict'));
  it('refuses after close', () =>
    given(decider, [opened, closed]).when(add()).thenThrows('invalid_transition'));
});

describe('InterviewRecorded', () => {
  const interview = {
    interviewId: OTHER,
    interviewee: { role: 'worker' as const, workerId: WORKER_A, name: 'Maria', confidentialSource: true },
    interviewedOn: day('2026-01-20'),
    language: 'es-MX',
    interpreterUsed: true,
    traumaInformedProtocol: true,
    summary: 'Worked 50 hours.',
  };
  const record = (i = interview): InvestigationCommand => ({
    ...base(),
    type: 'RecordInterview',
    interview: i,
  });
  it('records a confidential worker interview with interpreter and trauma-informed protocol', () =>
    given(decider, [opened])
      .when(record())
      .then([{ type: 'InterviewRecorded', data: interview }]));
  it('refuses the same interview twice', () =>
    given(decider, [opened, { type: 'InterviewRecorded', data: interview }])
      .when(record())
      .thenThrows('conflict'));
  it('refuses a workerId on a witness who is not a worker', () =>
    given(decider, [opened])
      .when(record({ ...interview, interviewee: { ...interview.interviewee, role: 'witness' as never } }))
      .thenThrows('validation'));
});

describe('RecordsRequested / RecordsReceived / SubpoenaIssued', () => {
  const request = dataOf(recordsRequested, 'RecordsRequested');
  const requestCmd = (r = request): InvestigationCommand => ({
    ...base(),
    type: 'RequestRecords',
    request: r,
  });
  it('requests records from a known employer', () =>
    given(decider, [opened, employerAdded]).when(requestCmd()).then([recordsRequested]));
  it('refuses a request to an employer not in the investigation', () =>
    given(decider, [opened]).when(requestCmd()).thenThrows('validation'));
  it('refuses a due date before the request', () =>
    given(decider, [opened, employerAdded])
      .when(requestCmd({ ...request, dueOn: day('2026-01-01') }))
      .thenThrows('validation'));
  it('refuses the same request twice', () =>
    given(decider, [opened, employerAdded, recordsRequested]).when(requestCmd()).thenThrows('conflict'));

  const receipt = {
    requestId: REQUEST,
    receivedOn: day('2026-02-03'),
    complete: true,
    evidenceIds: [EVIDENCE],
  };
  const receive = (r = receipt): InvestigationCommand => ({ ...base(), type: 'ReceiveRecords', receipt: r });
  it('receives records, citing the evidence', () =>
    given(decider, [opened, employerAdded, recordsRequested, evidenceAttached])
      .when(receive())
      .then([{ type: 'RecordsReceived', data: receipt }]));
  it('refuses records for an unknown request', () =>
    given(decider, [opened, employerAdded]).when(receive()).thenThrows('validation'));
  it('refuses unknown evidence', () =>
    given(decider, [opened, employerAdded, recordsRequested]).when(receive()).thenThrows('validation'));
  it('refuses more records once the request was received in full', () =>
    given(decider, [
      opened,
      employerAdded,
      recordsRequested,
      evidenceAttached,
      { type: 'RecordsReceived', data: receipt },
    ])
      .when(receive())
      .thenThrows('invalid_transition'));
  it('accepts a second delivery after a partial one', () =>
    given(decider, [
      opened,
      employerAdded,
      recordsRequested,
      evidenceAttached,
      { type: 'RecordsReceived', data: { ...receipt, complete: false } },
    ])
      .when(receive())
      .then([{ type: 'RecordsReceived', data: receipt }]));

  const subpoena = {
    subpoenaId: OTHER,
    kind: 'duces_tecum' as const,
    employerId: EMPLOYER_ID,
    requestId: REQUEST,
    scope: 'Time records 2024-2026.',
    issuedOn: day('2026-02-10'),
    returnOn: day('2026-02-24'),
  };
  const issue = (s = subpoena): InvestigationCommand => ({ ...base(), type: 'IssueSubpoena', subpoena: s });
  it('issues a subpoena for an unanswered request', () =>
    given(decider, [opened, employerAdded, recordsRequested])
      .when(issue())
      .then([{ type: 'SubpoenaIssued', data: subpoena }]));
  it('refuses a subpoena citing an unknown request', () =>
    given(decider, [opened, employerAdded]).when(issue()).thenThrows('validation'));
  it('refuses a return date before issue', () =>
    given(decider, [opened, employerAdded, recordsRequested])
      .when(issue({ ...subpoena, returnOn: day('2026-02-01') }))
      .thenThrows('validation'));
});

describe('EvidenceAttached', () => {
  const attach: InvestigationCommand = {
    ...base(),
    type: 'AttachEvidence',
    evidence: dataOf(evidenceAttached, 'EvidenceAttached'),
  };
  it('attaches evidence with its digest and storage reference', () =>
    given(decider, [opened]).when(attach).then([evidenceAttached]));
  it('refuses the same evidence id twice', () =>
    given(decider, [opened, evidenceAttached]).when(attach).thenThrows('conflict'));
});

describe('HoursAndWagesRecorded', () => {
  const recordSet = dataOf(hoursRecorded, 'HoursAndWagesRecorded');
  const record = (r = recordSet): InvestigationCommand => ({
    ...base(),
    type: 'RecordHoursAndWages',
    recordSet: r,
  });
  it('records per-workweek hours and pay', () =>
    given(decider, [opened, employerAdded]).when(record()).then([hoursRecorded]));
  it('refuses records of an employer not in the investigation', () =>
    given(decider, [opened]).when(record()).thenThrows('validation'));
  it('refuses the same record set twice', () =>
    given(decider, [opened, employerAdded, hoursRecorded]).when(record()).thenThrows('conflict'));
  it('refuses citing evidence that is not attached', () =>
    given(decider, [opened, employerAdded])
      .when(record({ ...recordSet, evidenceId: EVIDENCE }))
      .thenThrows('validation'));
  it('refuses new hours once a determination is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(record({ ...recordSet, recordSetId: OTHER }))
      .thenThrows('invalid_transition'));
});

describe('BackWagesComputed', () => {
  const computation = dataOf(computed, 'BackWagesComputed');
  const compute = (c = computation): InvestigationCommand => ({
    ...base(),
    type: 'ComputeBackWages',
    computation: c,
  });
  it('records the rule set, per-worker and per-week figures', () =>
    given(decider, [opened, employerAdded, hoursRecorded]).when(compute()).then([computed]));
  it('refuses a computation over record sets the investigation does not have', () =>
    given(decider, [opened, employerAdded]).when(compute()).thenThrows('validation'));
  it('refuses figures for a worker not in the record sets', () =>
    given(decider, [opened, employerAdded, hoursRecorded])
      .when(compute({ ...computation, workers: [{ ...computation.workers[0], workerId: OTHER }] }))
      .thenThrows('validation'));
  it('refuses the same computation id twice', () =>
    given(decider, [opened, employerAdded, hoursRecorded, computed]).when(compute()).thenThrows('conflict'));
  it('the latest computation is the default for a proposal', () => {
    const state = [opened, employerAdded, hoursRecorded, computed].reduce(
      decider.evolve,
      decider.initialState,
    );
    expect(state.status === 'open' && state.investigation.latestComputationId).toBe(COMPUTATION);
  });
});

describe('ViolationFound, RetaliationConcernFlagged, CivilPenaltyAssessed', () => {
  const violation = dataOf(violationFound, 'ViolationFound');
  it('records a violation against known employers', () =>
    given(decider, [opened, employerAdded])
      .when({ ...base(), type: 'FindViolation', violation })
      .then([violationFound]));
  it('refuses a violation naming an unknown employer', () =>
    given(decider, [opened])
      .when({ ...base(), type: 'FindViolation', violation })
      .thenThrows('validation'));

  const concern = {
    concernId: OTHER,
    workerIds: [WORKER_A],
    kind: 'reduced_hours' as const,
    reportedOn: day('2026-01-25'),
    description: 'Hours cut after the interview.',
  };
  it('flags a retaliation concern', () =>
    given(decider, [opened])
      .when({ ...base(), type: 'FlagRetaliationConcern', concern })
      .then([{ type: 'RetaliationConcernFlagged', data: concern }]));
  it('refuses the same concern twice', () =>
    given(decider, [opened, { type: 'RetaliationConcernFlagged', data: concern }])
      .when({ ...base(), type: 'FlagRetaliationConcern', concern })
      .thenThrows('conflict'));

  const penalty = dataOf(penaltyAssessed, 'CivilPenaltyAssessed');
  const assess = (p = penalty): InvestigationCommand => ({
    ...base(),
    type: 'AssessCivilPenalty',
    penalty: p,
  });
  it('assesses a civil penalty for found violations', () =>
    given(decider, [opened, employerAdded, violationFound]).when(assess()).then([penaltyAssessed]));
  it('refuses a penalty citing a violation not found', () =>
    given(decider, [opened, employerAdded]).when(assess()).thenThrows('validation'));
  it('refuses a penalty against an unknown employer', () =>
    given(decider, [opened, employerAdded, violationFound])
      .when(assess({ ...penalty, employerId: CLIENT_ID }))
      .thenThrows('validation'));
});

describe('ImmigrationSupportLetterRequested / Issued', () => {
  const request = {
    letterId: LETTER,
    workerId: WORKER_A,
    program: 'u_visa' as const,
    requestedBy: 'Bay Legal Aid',
    requestedOn: day('2026-02-01'),
  };
  const requested: InvestigationEvent = { type: 'ImmigrationSupportLetterRequested', data: request };
  const issue = (actor = supervisor): InvestigationCommand => ({
    ...base(actor),
    type: 'IssueImmigrationLetter',
    letterId: LETTER,
    issuedOn: day('2026-02-15'),
  });
  it('records a request', () =>
    given(decider, [opened])
      .when({ ...base(), type: 'RequestImmigrationLetter', request })
      .then([requested]));
  it('a supervisor signs and issues it', () =>
    given(decider, [opened, requested])
      .when(issue())
      .then([
        {
          type: 'ImmigrationSupportLetterIssued',
          data: { letterId: LETTER, issuedOn: day('2026-02-15'), signedBy: supervisor.id },
        },
      ]));
  it('refuses an investigator signing', () =>
    given(decider, [opened, requested]).when(issue(investigator)).thenThrows('forbidden'));
  it('refuses a letter never requested', () =>
    given(decider, [opened]).when(issue()).thenThrows('validation'));
  it('refuses issuing twice', () =>
    given(decider, [
      opened,
      requested,
      {
        type: 'ImmigrationSupportLetterIssued',
        data: { letterId: LETTER, issuedOn: day('2026-02-15'), signedBy: supervisor.id },
      },
    ])
      .when(issue())
      .thenThrows('invalid_transition'));
});

describe('DeterminationProposed', () => {
  const propose = (
    actor = investigator,
    extra: { computationId?: string; employerIds?: string[]; determinationId?: string } = {},
  ): InvestigationCommand => ({
    ...base(actor),
    type: 'ProposeDetermination',
    determinationId: DETERMINATION,
    summary: 'Overtime owed.',
    ...extra,
  });
  it('the assigned investigator proposes; defaults to the latest computation and everything found', () =>
    given(decider, readyToPropose).when(propose()).then([proposed]));
  it('refuses a supervisor proposing', () =>
    given(decider, readyToPropose).when(propose(supervisor)).thenThrows('forbidden'));
  it('refuses an investigator who is not assigned', () =>
    given(decider, readyToPropose).when(propose(otherInvestigator)).thenThrows('forbidden'));
  it('refuses before an investigator is assigned', () =>
    given(
      decider,
      readyToPropose.filter((e) => e !== assigned),
    )
      .when(propose())
      .thenThrows('invalid_transition'));
  it('refuses before back wages are computed', () =>
    given(decider, [opened, assigned, employerAdded]).when(propose()).thenThrows('invalid_transition'));
  it('refuses an unknown computation', () =>
    given(decider, readyToPropose)
      .when(propose(investigator, { computationId: OTHER }))
      .thenThrows('validation'));
  it('refuses a penalty against an employer it does not hold liable', () =>
    given(decider, [...readyToPropose, clientAdded])
      .when(propose(investigator, { employerIds: [CLIENT_ID] }))
      .thenThrows('validation'));
  it('a new proposal replaces one not yet approved', () =>
    given(decider, [...readyToPropose, proposed])
      .when(propose(investigator, { determinationId: OTHER }))
      .then([
        {
          type: 'DeterminationProposed',
          data: { ...dataOf(proposed, 'DeterminationProposed'), determinationId: OTHER },
        },
      ]));
  it('refuses once one is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(propose())
      .thenThrows('invalid_transition'));
});

describe('DeterminationApproved', () => {
  const approve = (actor: typeof supervisor, determinationId = DETERMINATION): InvestigationCommand => ({
    ...base(actor),
    type: 'ApproveDetermination',
    determinationId,
  });
  it('a supervisor other than the proposer approves', () =>
    given(decider, [...readyToPropose, proposed])
      .when(approve(supervisor))
      .then([approved]));
  it('refuses the proposing investigator approving their own determination', () =>
    given(decider, [...readyToPropose, proposed])
      .when(approve(investigator))
      .thenThrows('forbidden'));
  it('refuses a supervisor whose id is the proposer (self-approval with a supervisor token)', () =>
    given(decider, [...readyToPropose, proposed])
      .when(approve({ id: investigator.id, role: 'supervisor' }))
      .thenThrows('forbidden'));
  it('refuses an unknown or replaced determination', () =>
    given(decider, [...readyToPropose, proposed])
      .when(approve(supervisor, OTHER))
      .thenThrows('not_found'));
  it('refuses approving twice', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(approve(otherSupervisor))
      .thenThrows('invalid_transition'));
});

describe('DeterminationIssued', () => {
  const issue = (determinationId = DETERMINATION): InvestigationCommand => ({
    ...base(supervisor),
    type: 'IssueDetermination',
    determinationId,
  });
  it('issues amounts per worker, penalties, liable employers and the rule sets, for collections', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(issue())
      .then([issued]));
  it('what it issues satisfies the contract (totals add up, approver is not the proposer)', () => {
    const state = [...readyToPropose, proposed, approved].reduce(decider.evolve, decider.initialState);
    const [event] = decider.decide(issue(), state);
    expect(() => DeterminationIssued.parse(1, event.data)).not.toThrow();
  });
  it('refuses before approval', () =>
    given(decider, [...readyToPropose, proposed])
      .when(issue())
      .thenThrows('invalid_transition'));
  it('refuses an unknown determination', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(issue(OTHER))
      .thenThrows('not_found'));
  it('refuses issuing twice', () =>
    given(decider, [...readyToPropose, proposed, approved, issued])
      .when(issue())
      .thenThrows('invalid_transition'));
  it('refuses new findings after approval', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when({
        ...base(),
        type: 'FindViolation',
        violation: { ...dataOf(violationFound, 'ViolationFound'), violationId: OTHER },
      })
      .thenThrows('invalid_transition'));
});

describe('InvestigationClosed', () => {
  const close = (
    reason: 'determination_issued' | 'no_violation_found' = 'determination_issued',
    actor = supervisor,
  ): InvestigationCommand => ({ ...base(actor), type: 'CloseInvestigation', reason });
  const all = [...readyToPropose, proposed, approved, issued];
  it('a supervisor closes after the determination is issued', () =>
    given(decider, all)
      .when(close())
      .then([{ type: 'InvestigationClosed', data: { reason: 'determination_issued', closedAt: NOW } }]));
  it('closes with no violation found', () =>
    given(decider, [opened, assigned])
      .when(close('no_violation_found'))
      .then([{ type: 'InvestigationClosed', data: { reason: 'no_violation_found', closedAt: NOW } }]));
  it('refuses "determination issued" when none was', () =>
    given(decider, [opened]).when(close()).thenThrows('invalid_transition'));
  it('refuses closing with an approved determination not yet issued', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(close('no_violation_found'))
      .thenThrows('invalid_transition'));
  it('refuses an investigator closing', () =>
    given(decider, all).when(close('determination_issued', investigator)).thenThrows('forbidden'));
  it('nothing is appended after close: every command is refused', () => {
    const after = [
      ...all,
      {
        type: 'InvestigationClosed',
        data: { reason: 'determination_issued', closedAt: NOW },
      } as InvestigationEvent,
    ];
    const commands: InvestigationCommand[] = [
      { ...base(supervisor), type: 'AssignInvestigator', investigatorId: otherInvestigator.id },
      {
        ...base(),
        type: 'AttachEvidence',
        evidence: { ...dataOf(evidenceAttached, 'EvidenceAttached'), evidenceId: OTHER },
      },
      {
        ...base(),
        type: 'RecordHoursAndWages',
        recordSet: { ...dataOf(hoursRecorded, 'HoursAndWagesRecorded'), recordSetId: OTHER },
      },
      close(),
    ];
    for (const command of commands) given(decider, after).when(command).thenThrows('invalid_transition');
  });
  it('events after a close do not change the state on replay', () => {
    const state = [opened, closed, assigned].reduce(decider.evolve, decider.initialState);
    expect(state.status).toBe('closed');
    expect(state.status === 'closed' && state.investigation.investigatorId).toBeUndefined();
  });
});

describe('replay', () => {
  it('every event of these specs satisfies its contract', () => {
    for (const e of [
      ...readyToPropose,
      proposed,
      approved,
      issued,
      closed,
      evidenceAttached,
      recordsRequested,
    ])
      expect(() => INVESTIGATION_EVENTS[e.type].parse(1, e.data)).not.toThrow();
  });
  it('folds a full investigation to its state', () => {
    const state = [...readyToPropose, proposed, approved, issued].reduce(
      decider.evolve,
      decider.initialState,
    );
    expect(state.status).toBe('open');
    if (state.status !== 'open') return;
    expect(state.investigation.determination).toEqual({
      proposal: dataOf(proposed, 'DeterminationProposed'),
      approvedBy: supervisor.id,
      issuedAt: NOW,
    });
    expect(Object.keys(state.investigation.recordSets)).toEqual([RECORD_SET]);
    expect(Object.keys(state.investigation.employers)).toEqual([EMPLOYER_ID]);
    expect(Object.keys(state.investigation.violations)).toEqual([VIOLATION]);
    expect(WORKER_B).toBeDefined();
  });
});
