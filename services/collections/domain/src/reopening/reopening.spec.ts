import { given } from '@lse/domain';
import { closedInFull, decider, fullPayment, opened, paidOut } from '../../test/events';
import { cmd, D1, event, id, officer, supervisor } from '../../test/fixtures';

const history = [opened, fullPayment, ...paidOut, closedInFull];
const reopen = (actor = supervisor, reopenedOn?: string) =>
  cmd(
    'ReopenCollectionCase',
    {
      input: {
        reason: 'bounced_check',
        note: 'The bank returned check 1042 unpaid.',
        ...(reopenedOn ? { reopenedOn } : {}),
      },
    },
    actor,
  );
const reopened = event('CollectionCaseReopened', {
  reopenedOn: '2026-03-10',
  reason: 'bounced_check',
  note: 'The bank returned check 1042 unpaid.',
  reopenedBy: 'supervisor-1',
});
const closeAgain = cmd('CloseCollectionCase', {
  input: { reason: 'other', note: 'Replacement check cleared.' },
});

describe('reopening a closed collection case (issue 17 item 8)', () => {
  it('a supervisor reopens a closed case with a reason', () =>
    given(decider, history).when(reopen()).then([reopened]));

  it('the reopened case is open and takes commands again', () => {
    const after = [...history, reopened].reduce(decider.evolve, decider.initialState);
    expect(after.status).toBe('open');
    expect(decider.decide(closeAgain, after).map((e) => e.type)).toEqual(['CollectionCaseClosed']);
  });

  it('only a supervisor reopens', () =>
    given(decider, history).when(reopen(officer)).thenThrows('supervisor_approval_required'));

  it('refuses reopening an open case', () =>
    given(decider, [opened]).when(reopen()).thenThrows('collection_case_not_closed'));

  it('refuses reopening a case never opened', () =>
    given(decider, []).when(reopen()).thenThrows('collection_case_not_found'));

  it('refuses a reopening dated in the future', () =>
    given(decider, history).when(reopen(supervisor, '2026-03-11')).thenThrows('future_date'));

  it.each([
    ['closing again', closeAgain],
    [
      'a payment',
      cmd('ReceivePayment', { paymentId: id(9), input: { debtorId: D1, amountCents: 100, method: 'check' } }),
    ],
    ['a reversal', cmd('ReversePayment', { input: { paymentId: id(1), reason: 'insufficient_funds' } })],
  ])('appends nothing to a closed case any other way: refuses %s', (_what, command) =>
    given(decider, history).when(command).thenThrows('collection_case_closed'),
  );
});
