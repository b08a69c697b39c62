import { DeterminationIssued, type InvestigationEvent } from '@lse/contracts';
import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { closed, dataOf, issued } from '../../test/events';
import {
  CLIENT_ID,
  DETERMINATION,
  NOW,
  OTHER,
  approved,
  assigned,
  base,
  clientAdded,
  employerAdded,
  evidenceAttached,
  hoursRecorded,
  investigator,
  opened,
  otherInvestigator,
  otherSupervisor,
  proposed,
  readyToPropose,
  supervisor,
  violationFound,
} from '../../test/fixtures';

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

describe('InvestigationReopened (issue 17 item 8)', () => {
  const reopen = (actor = supervisor): InvestigationCommand => ({
    ...base(actor),
    type: 'ReopenInvestigation',
    reason: 'new_evidence',
    note: 'A former manager came forward with the real time sheets.',
  });
  const reopened: InvestigationEvent = {
    type: 'InvestigationReopened',
    data: {
      reason: 'new_evidence',
      note: 'A former manager came forward with the real time sheets.',
      reopenedAt: NOW,
      reopenedBy: supervisor.id,
    },
  };
  it('a supervisor reopens a closed investigation with a reason; it then takes evidence again', () => {
    given(decider, [opened, assigned, closed]).when(reopen()).then([reopened]);
    const state = [opened, assigned, closed, reopened].reduce(decider.evolve, decider.initialState);
    expect(state.status).toBe('open');
    expect(state.status === 'open' && state.investigation.investigatorId).toBe(investigator.id);
    given(decider, [opened, assigned, closed, reopened])
      .when({
        ...base(),
        type: 'AttachEvidence',
        evidence: { ...dataOf(evidenceAttached, 'EvidenceAttached'), evidenceId: OTHER },
      })
      .then([
        {
          type: 'EvidenceAttached',
          data: { ...dataOf(evidenceAttached, 'EvidenceAttached'), evidenceId: OTHER },
        },
      ]);
  });
  it('only a supervisor reopens, and only a closed investigation', () => {
    given(decider, [opened, assigned, closed]).when(reopen(investigator)).thenThrows('forbidden');
    given(decider, [opened, assigned]).when(reopen()).thenThrows('invalid_transition');
    given(decider, []).when(reopen()).thenThrows('not_found');
  });
});
