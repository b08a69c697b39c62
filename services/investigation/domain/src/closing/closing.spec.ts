import { given } from '@lse/domain';
import { investigationDecider as decider, type InvestigationCommand } from '..';
import { closed, issued } from '../../test/events';
import {
  NOW,
  OTHER,
  approved,
  assigned,
  base,
  event,
  evidenceAttached,
  hoursRecorded,
  investigator,
  opened,
  otherInvestigator,
  proposed,
  readyToPropose,
  supervisor,
} from '../../test/fixtures';

describe('InvestigationClosed', () => {
  const close = (
    reason: 'determination_issued' | 'no_violation_found' = 'determination_issued',
    actor = supervisor,
  ): InvestigationCommand => ({ ...base(actor), type: 'CloseInvestigation', reason });
  const all = [...readyToPropose, proposed, approved, issued];
  const closedIssued = event('InvestigationClosed', { reason: 'determination_issued', closedAt: NOW });
  it('a supervisor closes after the determination is issued', () =>
    given(decider, all).when(close()).then([closedIssued]));
  it('closes with no violation found', () =>
    given(decider, [opened, assigned])
      .when(close('no_violation_found'))
      .then([{ type: 'InvestigationClosed', data: { reason: 'no_violation_found', closedAt: NOW } }]));
  it('refuses "determination issued" when none was', () =>
    given(decider, [opened]).when(close()).thenThrows('no_determination_issued'));
  it('refuses closing with an approved determination not yet issued', () =>
    given(decider, [...readyToPropose, proposed, approved])
      .when(close('no_violation_found'))
      .thenThrows('determination_pending'));
  it('refuses an investigator closing', () =>
    given(decider, all).when(close('determination_issued', investigator)).thenThrows('supervisor_only'));

  describe('nothing is appended after close', () => {
    const after = [...all, closedIssued];
    it.each<[string, InvestigationCommand]>([
      [
        'an assignment',
        { ...base(supervisor), type: 'AssignInvestigator', investigatorId: otherInvestigator.id },
      ],
      [
        'evidence',
        { ...base(), type: 'AttachEvidence', evidence: { ...evidenceAttached.data, evidenceId: OTHER } },
      ],
      [
        'hours and wages',
        {
          ...base(),
          type: 'RecordHoursAndWages',
          recordSet: { ...hoursRecorded.data, recordSetId: OTHER },
        },
      ],
      ['closing again', close()],
    ])('refuses %s', (_what, command) =>
      given(decider, after).when(command).thenThrows('investigation_closed'),
    );
  });

  it('events after a close do not change the state on replay', () => {
    const state = [opened, closed, assigned].reduce(decider.evolve, decider.initialState);
    expect(state.status).toBe('closed');
    expect(state.status === 'closed' && state.investigation.investigatorId).toBeUndefined();
  });
});
