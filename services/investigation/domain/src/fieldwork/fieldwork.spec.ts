import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import {
  EMPLOYER_ID,
  EVIDENCE,
  OTHER,
  REQUEST,
  WORKER_A,
  base,
  day,
  employerAdded,
  event,
  evidenceAttached,
  opened,
  recordsRequested,
} from '../../test/fixtures';

describe('InterviewRecorded', () => {
  const interviewed = event('InterviewRecorded', {
    interviewId: OTHER,
    interviewee: { role: 'worker', workerId: WORKER_A, name: 'Maria', confidentialSource: true },
    interviewedOn: '2026-01-20',
    language: 'es-MX',
    interpreterUsed: true,
    traumaInformedProtocol: true,
    summary: 'Worked 50 hours.',
  });
  const interview = interviewed.data;
  const record = (i = interview): InvestigationCommand => ({
    ...base(),
    type: 'RecordInterview',
    interview: i,
  });
  it('records a confidential worker interview with interpreter and trauma-informed protocol', () =>
    given(decider, [opened]).when(record()).then([interviewed]));
  it('refuses the same interview twice', () =>
    given(decider, [opened, interviewed]).when(record()).thenThrows('already_recorded'));
  it('refuses a workerId on a witness who is not a worker', () =>
    given(decider, [opened])
      .when(record({ ...interview, interviewee: { ...interview.interviewee, role: 'witness' } }))
      .thenThrows('worker_id_not_a_worker'));
});

describe('RecordsRequested / RecordsReceived / SubpoenaIssued', () => {
  const request = recordsRequested.data;
  const requestCmd = (r = request): InvestigationCommand => ({
    ...base(),
    type: 'RequestRecords',
    request: r,
  });
  it('requests records from a known employer', () =>
    given(decider, [opened, employerAdded]).when(requestCmd()).then([recordsRequested]));
  it('refuses a request to an employer not in the investigation', () =>
    given(decider, [opened]).when(requestCmd()).thenThrows('unknown_employer'));
  it('refuses a due date before the request', () =>
    given(decider, [opened, employerAdded])
      .when(requestCmd({ ...request, dueOn: day('2026-01-01') }))
      .thenThrows('due_before_requested'));
  it('refuses the same request twice', () =>
    given(decider, [opened, employerAdded, recordsRequested])
      .when(requestCmd())
      .thenThrows('already_recorded'));

  const received = event('RecordsReceived', {
    requestId: REQUEST,
    receivedOn: '2026-02-03',
    complete: true,
    evidenceIds: [EVIDENCE],
  });
  const receipt = received.data;
  const receive = (r = receipt): InvestigationCommand => ({ ...base(), type: 'ReceiveRecords', receipt: r });
  it('receives records, citing the evidence', () =>
    given(decider, [opened, employerAdded, recordsRequested, evidenceAttached])
      .when(receive())
      .then([received]));
  it('refuses records for an unknown request', () =>
    given(decider, [opened, employerAdded]).when(receive()).thenThrows('unknown_records_request'));
  it('refuses records citing evidence not attached', () =>
    given(decider, [opened, employerAdded, recordsRequested]).when(receive()).thenThrows('unknown_evidence'));
  it('refuses more records once the request was received in full', () =>
    given(decider, [opened, employerAdded, recordsRequested, evidenceAttached, received])
      .when(receive())
      .thenThrows('records_complete'));
  it('accepts a second delivery after a partial one', () =>
    given(decider, [
      opened,
      employerAdded,
      recordsRequested,
      evidenceAttached,
      { type: 'RecordsReceived', data: { ...receipt, complete: false } },
    ])
      .when(receive())
      .then([received]));

  const subpoenaIssued = event('SubpoenaIssued', {
    subpoenaId: OTHER,
    kind: 'duces_tecum',
    employerId: EMPLOYER_ID,
    requestId: REQUEST,
    scope: 'Time records 2024-2026.',
    issuedOn: '2026-02-10',
    returnOn: '2026-02-24',
  });
  const subpoena = subpoenaIssued.data;
  const issue = (s = subpoena): InvestigationCommand => ({ ...base(), type: 'IssueSubpoena', subpoena: s });
  it('issues a subpoena for an unanswered request', () =>
    given(decider, [opened, employerAdded, recordsRequested]).when(issue()).then([subpoenaIssued]));
  it('refuses a subpoena to an employer not in the investigation', () =>
    given(decider, [opened]).when(issue()).thenThrows('unknown_employer'));
  it('refuses a subpoena citing an unknown request', () =>
    given(decider, [opened, employerAdded]).when(issue()).thenThrows('unknown_records_request'));
  it('refuses a return date before issue', () =>
    given(decider, [opened, employerAdded, recordsRequested])
      .when(issue({ ...subpoena, returnOn: day('2026-02-01') }))
      .thenThrows('return_before_issued'));
  it('refuses the same subpoena twice', () =>
    given(decider, [opened, employerAdded, recordsRequested, subpoenaIssued])
      .when(issue())
      .thenThrows('already_recorded'));
});

describe('EvidenceAttached', () => {
  const attach: InvestigationCommand = {
    ...base(),
    type: 'AttachEvidence',
    evidence: evidenceAttached.data,
  };
  it('attaches evidence with its digest and storage reference', () =>
    given(decider, [opened]).when(attach).then([evidenceAttached]));
  it('refuses the same evidence id twice', () =>
    given(decider, [opened, evidenceAttached]).when(attach).thenThrows('already_recorded'));
});
