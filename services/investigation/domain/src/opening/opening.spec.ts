import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { closed } from '../../test/events';
import {
  NOW,
  assigned,
  base,
  clientAdded,
  employerAdded,
  investigator,
  opened,
  otherInvestigator,
  otherSupervisor,
  supervisor,
  system,
} from '../../test/fixtures';

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
      .thenThrows('investigation_not_found'));
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
      .then([{ type: 'InvestigatorAssigned', data: { ...assigned.data, assignedAt: NOW } }]));
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
    given(decider, [opened]).when(assign(investigator)).thenThrows('supervisor_only'));
  it('refuses the system actor too', () =>
    given(decider, [opened]).when(assign(system)).thenThrows('supervisor_only'));
  it('refuses assigning the investigator already assigned', () =>
    given(decider, [opened, assigned]).when(assign()).thenThrows('already_assigned'));
  it('the state holds the current investigator', () => {
    const state = decider.evolve(decider.evolve(decider.initialState, opened), assigned);
    expect(state.status === 'open' && state.investigation.investigatorId).toBe(investigator.id);
  });
});

describe('EmployerAdded', () => {
  const add = (employer = employerAdded.data): InvestigationCommand => ({
    ...base(),
    type: 'AddEmployer',
    employer,
  });
  it('adds an employer with its liability role and basis', () =>
    given(decider, [opened]).when(add()).then([employerAdded]));
  it('adds a joint employer (client) next to the direct one', () =>
    given(decider, [opened, employerAdded]).when(add(clientAdded.data)).then([clientAdded]));
  it('refuses the same employer id twice', () =>
    given(decider, [opened, employerAdded]).when(add()).thenThrows('already_recorded'));
  it('refuses after close', () =>
    given(decider, [opened, closed]).when(add()).thenThrows('investigation_closed'));
});
