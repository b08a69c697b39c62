import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import {
  EVIDENCE,
  LETTER,
  OTHER,
  WORKER_A,
  base,
  day,
  event,
  investigator,
  opened,
  supervisor,
} from '../../test/fixtures';

describe('RetaliationConcernFlagged', () => {
  const flagged = event('RetaliationConcernFlagged', {
    concernId: OTHER,
    workerIds: [WORKER_A],
    kind: 'reduced_hours',
    reportedOn: '2026-01-25',
    description: 'Hours cut after the interview.',
  });
  const flag: InvestigationCommand = { ...base(), type: 'FlagRetaliationConcern', concern: flagged.data };
  it('flags a retaliation concern', () => given(decider, [opened]).when(flag).then([flagged]));
  it('refuses the same concern twice', () =>
    given(decider, [opened, flagged]).when(flag).thenThrows('already_recorded'));
});

describe('ImmigrationSupportLetterRequested / Issued', () => {
  const requested = event('ImmigrationSupportLetterRequested', {
    letterId: LETTER,
    workerId: WORKER_A,
    program: 'u_visa',
    requestedBy: 'Bay Legal Aid',
    requestedOn: '2026-02-01',
  });
  const request: InvestigationCommand = {
    ...base(),
    type: 'RequestImmigrationLetter',
    request: requested.data,
  };
  const issued = event('ImmigrationSupportLetterIssued', {
    letterId: LETTER,
    issuedOn: '2026-02-15',
    signedBy: supervisor.id,
  });
  const issue = (actor = supervisor, evidenceId?: string): InvestigationCommand => ({
    ...base(actor),
    type: 'IssueImmigrationLetter',
    letterId: LETTER,
    issuedOn: day('2026-02-15'),
    ...(evidenceId ? { evidenceId } : {}),
  });
  it('records a request', () => given(decider, [opened]).when(request).then([requested]));
  it('refuses the same request twice', () =>
    given(decider, [opened, requested]).when(request).thenThrows('already_recorded'));
  it('a supervisor signs and issues it', () =>
    given(decider, [opened, requested]).when(issue()).then([issued]));
  it('refuses an investigator signing', () =>
    given(decider, [opened, requested]).when(issue(investigator)).thenThrows('supervisor_only'));
  it('refuses a letter never requested', () =>
    given(decider, [opened]).when(issue()).thenThrows('unknown_letter_request'));
  it('refuses a signed letter that is not attached as evidence', () =>
    given(decider, [opened, requested]).when(issue(supervisor, EVIDENCE)).thenThrows('unknown_evidence'));
  it('refuses issuing twice', () =>
    given(decider, [opened, requested, issued]).when(issue()).thenThrows('letter_issued'));
});
