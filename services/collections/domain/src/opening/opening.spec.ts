import { given } from '@lse/domain';
import { decider, opened } from '../../test/events';
import { cmd, D1, id, opening } from '../../test/fixtures';

describe('collection decider', () => {
  describe('opening (reaction to DeterminationIssued)', () => {
    it('opens the case with the assessed amounts and the jointly liable debtors', () =>
      given(decider, [])
        .when(cmd('OpenCollectionCase', { opening: opening() }))
        .then([opened]));

    it('ignores the same determination delivered again', () =>
      given(decider, [opened])
        .when(cmd('OpenCollectionCase', { opening: opening() }))
        .then([]));

    it('refuses a second, different determination', () =>
      given(decider, [opened])
        .when(cmd('OpenCollectionCase', { opening: { ...opening(), determinationId: id(901) } }))
        .thenThrows('already_opened'));

    it('refuses commands on a case that was never opened', () =>
      given(decider, [])
        .when(
          cmd('ReceivePayment', {
            paymentId: id(1),
            input: { debtorId: D1, amountCents: 1, method: 'check' },
          }),
        )
        .thenThrows('collection_case_not_found'));
  });
});
