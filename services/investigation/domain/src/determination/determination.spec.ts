import { DeterminationIssued } from '@lse/contracts';
import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { issued } from '../../test/events';
import {
  CLIENT_ID,
  DETERMINATION,
  EMPLOYER_ID,
  OTHER,
  approved,
  assigned,
  base,
  clientAdded,
  employerAdded,
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
    extra: Partial<Extract<InvestigationCommand, { type: 'ProposeDetermination' }>> = {},
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
    given(decider, readyToPropose).when(propose(supervisor)).thenThrows('investigator_only'));
  it('refuses an investigator who is not assigned', () =>
    given(decider, readyToPropose).when(propose(otherInvestigator)).thenThrows('not_assigned'));
  it('refuses before an investigator is assigned', () =>
    given(
      decider,
      readyToPropose.filter((e) => e !== assigned),
    )
      .when(propose())
      .thenThrows('no_investigator'));
  it('refuses before back wages are computed', () =>
    given(decider, [opened, assigned, employerAdded]).when(propose()).thenThrows('no_computation'));
  it('refuses an unknown computation', () =>
    given(decider, readyToPropose)
      .when(propose(investigator, { computationId: OTHER }))
      .thenThrows('unknown_computation'));
  it('refuses a violation not found', () =>
    given(decider, readyToPropose)
      .when(propose(investigator, { violationIds: [OTHER] }))
      .thenThrows('unknown_violation'));
  it('refuses a penalty not assessed', () =>
    given(decider, readyToPropose)
      .when(propose(investigator, { penaltyIds: [OTHER] }))
      .thenThrows('unknown_civil_penalty'));
  it('refuses an employer not in the investigation', () =>
    given(decider, readyToPropose)
      .when(propose(investigator, { employerIds: [EMPLOYER_ID, CLIENT_ID] }))
      .thenThrows('unknown_employer'));
  it('refuses holding no employer liable', () =>
    given(decider, readyToPropose)
      .when(propose(investigator, { employerIds: [], penaltyIds: [] }))
      .thenThrows('no_employer'));
  it('refuses a penalty against an employer it does not hold liable', () =>
    given(decider, [...readyToPropose, clientAdded])
      .when(propose(investigator, { employerIds: [CLIENT_ID] }))
      .thenThrows('penalty_employer_not_liable'));
  it('a new proposal replaces one not yet approved', () =>
    given(decider, [...readyToPropose, proposed])
      .when(propose(investigator, { determinationId: OTHER }))
      .then([{ type: 'DeterminationProposed', data: { ...proposed.data, determinationId: OTHER } }]));
  it('refuses once one is approved', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(propose())
      .thenThrows('determination_approved'));
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
      .thenThrows('supervisor_only'));
  it('refuses a supervisor whose id is the proposer (self-approval with a supervisor token)', () =>
    given(decider, [...readyToPropose, proposed])
      .when(approve({ id: investigator.id, role: 'supervisor' }))
      .thenThrows('self_approval'));
  it('refuses an unknown or replaced determination', () =>
    given(decider, [...readyToPropose, proposed])
      .when(approve(supervisor, OTHER))
      .thenThrows('determination_not_found'));
  it('refuses approving twice', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(approve(otherSupervisor))
      .thenThrows('already_approved'));
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
      .thenThrows('not_approved'));
  it('refuses an unknown determination', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(issue(OTHER))
      .thenThrows('determination_not_found'));
  it('refuses issuing twice', () =>
    given(decider, [...readyToPropose, proposed, approved, issued])
      .when(issue())
      .thenThrows('already_issued'));
  it('refuses new findings after approval', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when({ ...base(), type: 'FindViolation', violation: { ...violationFound.data, violationId: OTHER } })
      .thenThrows('determination_approved'));
});
