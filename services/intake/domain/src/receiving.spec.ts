import { given } from '@lse/domain';
import type { ComplaintCommand } from './commands';
import { ComplaintAlreadyReceivedError, ReceivedInFutureError } from './errors';
import { base, decider, inJurisdiction, jurisdiction, received } from '../test/events';
import { OTHER_CASE_ID, event, receivedComplaint } from '../test/fixtures';

describe('complaint decider', () => {
  describe('ReceiveComplaint', () => {
    const receive = (complaint = receivedComplaint()): ComplaintCommand => ({
      ...base,
      type: 'ReceiveComplaint',
      complaint,
    });

    it('records a hotline complaint', () => given(decider, []).when(receive()).then([received]));

    it('records a partner referral', () => {
      const referral = receivedComplaint({ channel: 'partner_referral', referralId: OTHER_CASE_ID });
      given(decider, [])
        .when(receive(referral))
        .then([event('ComplaintReceived', referral)]);
    });

    it('refuses a second complaint on the same case id', () =>
      given(decider, [received]).when(receive()).thenThrows(ComplaintAlreadyReceivedError));

    it('refuses a receipt time in the future (beyond clock skew)', () =>
      given(decider, [])
        .when(receive(receivedComplaint({ receivedAt: '2026-01-16T09:10:00Z' })))
        .thenThrows(ReceivedInFutureError));

    it('accepts a receipt time ahead of the clock within the skew', () => {
      const ahead = receivedComplaint({ receivedAt: '2026-01-16T09:04:00Z' });
      given(decider, [])
        .when(receive(ahead))
        .then([event('ComplaintReceived', ahead)]);
    });
  });

  describe('AmendComplaint', () => {
    const employer = { ...receivedComplaint().employer, name: 'Golden Gate Auto Spa Inc.' };
    const amended = event('ComplaintAmended', {
      changes: { employer },
      reason: 'Worker brought a pay stub.',
    });

    it('records the amendment', () =>
      given(decider, [received])
        .when({ ...base, type: 'AmendComplaint', amendment: amended.data })
        .then([amended]));

    it('replaces the amended parts and keeps the rest', () => {
      const state = decider.evolve(decider.evolve(decider.initialState, received), amended);
      expect(state.status === 'received' && state.complaint.employer.name).toBe('Golden Gate Auto Spa Inc.');
      expect(state.status === 'received' && state.complaint.allegations).toHaveLength(2);
    });
  });

  describe('AssessJurisdiction', () => {
    it('records the assessment', () =>
      given(decider, [received])
        .when({ ...base, type: 'AssessJurisdiction', assessment: inJurisdiction })
        .then([jurisdiction]));
  });
});
