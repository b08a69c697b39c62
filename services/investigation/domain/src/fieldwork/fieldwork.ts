import type { Decide, Decisions } from '../decision';
import { requireUnique } from '../decision';
import { InvalidInputError, UnknownReferenceError, WrongStepError } from '../errors';

/* Gathering the facts: interviews, records requested and received, subpoenas and evidence. */

const recordInterview: Decide<'RecordInterview'> = ({ interview }, { inv }) => {
  requireUnique(
    inv.interviews.some((i) => i.interviewId === interview.interviewId),
    'interview',
    interview.interviewId,
  );
  const workerId = interview.interviewee.workerId;
  if (workerId && !['worker', 'former_worker'].includes(interview.interviewee.role))
    throw new InvalidInputError(
      'interviewee.workerId',
      'only a worker or former worker has a workerId',
      'worker_id_not_a_worker',
    );
  return [{ type: 'InterviewRecorded', data: interview }];
};

const requestRecords: Decide<'RequestRecords'> = ({ request }, { inv, employer }) => {
  requireUnique(!!inv.recordsRequests[request.requestId], 'records request', request.requestId);
  employer('employerId', request.employerId);
  if (request.dueOn < request.requestedOn)
    throw new InvalidInputError('dueOn', 'is before requestedOn', 'due_before_requested');
  return [{ type: 'RecordsRequested', data: request }];
};

/** A delivery answers a request until one is complete; the evidence it cites must be attached. */
const receiveRecords: Decide<'ReceiveRecords'> = ({ receipt }, { inv }) => {
  const request = inv.recordsRequests[receipt.requestId];
  if (!request) throw new UnknownReferenceError('requestId', 'records request', receipt.requestId);
  if (request.received)
    throw new WrongStepError('These records were already received in full.', 'records_complete');
  (receipt.evidenceIds ?? []).forEach((id, i) => {
    if (!inv.evidence[id]) throw new UnknownReferenceError(`evidenceIds[${i}]`, 'evidence', id);
  });
  return [{ type: 'RecordsReceived', data: receipt }];
};

const issueSubpoena: Decide<'IssueSubpoena'> = ({ subpoena }, { inv, employer }) => {
  requireUnique(inv.subpoenaIds.includes(subpoena.subpoenaId), 'subpoena', subpoena.subpoenaId);
  employer('employerId', subpoena.employerId);
  if (subpoena.requestId && !inv.recordsRequests[subpoena.requestId])
    throw new UnknownReferenceError('requestId', 'records request', subpoena.requestId);
  if (subpoena.returnOn < subpoena.issuedOn)
    throw new InvalidInputError('returnOn', 'is before issuedOn', 'return_before_issued');
  return [{ type: 'SubpoenaIssued', data: subpoena }];
};

const attachEvidence: Decide<'AttachEvidence'> = ({ evidence }, { inv }) => {
  requireUnique(!!inv.evidence[evidence.evidenceId], 'evidence', evidence.evidenceId);
  return [{ type: 'EvidenceAttached', data: evidence }];
};

export const fieldworkDecisions: Decisions<
  'RecordInterview' | 'RequestRecords' | 'ReceiveRecords' | 'IssueSubpoena' | 'AttachEvidence'
> = {
  RecordInterview: recordInterview,
  RequestRecords: requestRecords,
  ReceiveRecords: receiveRecords,
  IssueSubpoena: issueSubpoena,
  AttachEvidence: attachEvidence,
};
