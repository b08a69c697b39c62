import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { closed } from '../../test/events';
import {
  NOW,
  OTHER,
  assigned,
  base,
  event,
  evidenceAttached,
  investigator,
  opened,
  supervisor,
} from '../../test/fixtures';

describe('InvestigationReopened (issue 17 item 8)', () => {
  const reopen = (actor = supervisor): InvestigationCommand => ({
    ...base(actor),
    type: 'ReopenInvestigation',
    reason: 'new_evidence',
    note: 'A former manager came forward with the real time sheets.',
  });
  const reopened = event('InvestigationReopened', {
    reason: 'new_evidence',
    note: 'A former manager came forward with the real time sheets.',
    reopenedAt: NOW,
    reopenedBy: supervisor.id,
  });
  const history = [opened, assigned, closed];

  it('a supervisor reopens a closed investigation with a reason', () =>
    given(decider, history).when(reopen()).then([reopened]));
  it('the reopened investigation is open again, with its investigator', () => {
    const state = [...history, reopened].reduce(decider.evolve, decider.initialState);
    expect(state.status).toBe('open');
    expect(state.status === 'open' && state.investigation.investigatorId).toBe(investigator.id);
  });
  it('the reopened investigation takes evidence again', () => {
    const evidence = { ...evidenceAttached.data, evidenceId: OTHER };
    given(decider, [...history, reopened])
      .when({ ...base(), type: 'AttachEvidence', evidence })
      .then([{ type: 'EvidenceAttached', data: evidence }]);
  });
  it('refuses an investigator reopening', () =>
    given(decider, history).when(reopen(investigator)).thenThrows('supervisor_only'));
  it('refuses reopening an open investigation', () =>
    given(decider, [opened, assigned]).when(reopen()).thenThrows('not_closed'));
  it('refuses reopening an investigation never opened', () =>
    given(decider, []).when(reopen()).thenThrows('investigation_not_found'));
});
