import type { InvestigationEvent } from '@lse/contracts';
import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { dataOf } from '../../test/events';
import {
  CLIENT_ID,
  LETTER,
  OTHER,
  WORKER_A,
  base,
  day,
  employerAdded,
  investigator,
  opened,
  penaltyAssessed,
  supervisor,
  violationFound,
} from '../../test/fixtures';

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
