import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { dataOf } from '../../test/events';
import {
  EMPLOYER_ID,
  EVIDENCE,
  OTHER,
  REQUEST,
  WORKER_A,
  base,
  day,
  employerAdded,
  evidenceAttached,
  opened,
  recordsRequested,
} from '../../test/fixtures';

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
