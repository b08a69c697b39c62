import type { CollectionEvent } from '@lse/contracts';
import { given } from '@lse/domain';
import { closedInFull, decider, fullPayment, opened, paidOut } from '../../test/events';
import { cmd, D1, id, supervisor } from '../../test/fixtures';

const history = [opened, fullPayment, ...paidOut, closedInFull];
const reopen = (actor = supervisor, reason = 'bounced_check') =>
  cmd('ReopenCollectionCase', { input: { reason, note: 'The bank returned check 1042 unpaid.' } }, actor);
const reopened = {
  type: 'CollectionCaseReopened',
  data: {
    reopenedOn: '2026-03-10',
    reason: 'bounced_check',
    note: 'The bank returned check 1042 unpaid.',
    reopenedBy: 'supervisor-1',
  },
} as unknown as CollectionEvent;

describe('reopening a closed collection case (issue 17 item 8)', () => {
  it('a supervisor reopens a closed case with a reason; it then takes commands again', () => {
    given(decider, history).when(reopen()).then([reopened]);
    const closeAgain = cmd('CloseCollectionCase', {
      input: { reason: 'other', note: 'Replacement check cleared.' },
    });
    given(decider, history).when(closeAgain).thenThrows('invalid_transition');
    const after = [...history, reopened].reduce(decider.evolve, decider.initialState);
    expect(after.status).toBe('open');
    expect(decider.decide(closeAgain, after).map((e) => e.type)).toEqual(['CollectionCaseClosed']);
  });

  it('only a supervisor reopens', () => {
    given(decider, history)
      .when(reopen({ id: 'officer-1', role: 'collections_officer' }))
      .thenThrows('forbidden');
  });

  it('reopens only a closed case', () => {
    given(decider, [opened]).when(reopen()).thenThrows('invalid_transition');
    given(decider, []).when(reopen()).thenThrows('not_found');
  });

  it('appends nothing to a closed case any other way', () => {
    given(decider, history)
      .when(
        cmd('ReceivePayment', {
          paymentId: id(9),
          input: { debtorId: D1, amountCents: 100, method: 'check' },
        }),
      )
      .thenThrows('invalid_transition');
    given(decider, history)
      .when(cmd('ReversePayment', { input: { paymentId: id(1), reason: 'insufficient_funds' } }))
      .thenThrows('invalid_transition');
  });
});
