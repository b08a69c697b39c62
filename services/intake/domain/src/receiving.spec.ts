import { given } from '@lse/domain';
import type { ComplaintCommand } from './commands';
import { ComplaintAlreadyReceivedError, ReceivedInFutureError } from './errors';
import { base, decider, inJurisdiction, jurisdiction, received } from '../test/events';
import { OTHER_CASE_ID, receivedComplaint } from '../test/fixtures';

describe('complaint decider', () => {
  describe('ReceiveComplaint', () => {
    it('records the complaint from any channel', () => {
      given(decider, [])
        .when({ ...base, type: 'ReceiveComplaint', complaint: receivedComplaint() })
        .then([received]);
      const referral = receivedComplaint({ channel: 'partner_referral', referralId: OTHER_CASE_ID });
      given(decider, [])
        .when({ ...base, type: 'ReceiveComplaint', complaint: referral })
        .then([{ type: 'ComplaintReceived', data: referral }]);
    });

    it('refuses a second complaint on the same case id', () => {
      given(decider, [received])
        .when({ ...base, type: 'ReceiveComplaint', complaint: receivedComplaint() })
        .thenThrows(ComplaintAlreadyReceivedError);
    });

    it('refuses a receipt time in the future (beyond clock skew)', () => {
      const command: ComplaintCommand = {
        ...base,
        type: 'ReceiveComplaint',
        complaint: receivedComplaint({ receivedAt: '2026-01-16T09:10:00Z' }),
      };
      given(decider, []).when(command).thenThrows(ReceivedInFutureError);
      given(decider, []).when(command).thenThrows('validation');
      given(decider, [])
        .when({ ...command, complaint: receivedComplaint({ receivedAt: '2026-01-16T09:04:00Z' }) })
        .then([
          { type: 'ComplaintReceived', data: receivedComplaint({ receivedAt: '2026-01-16T09:04:00Z' }) },
        ]);
    });
  });

  describe('AmendComplaint', () => {
    it('records the amendment and replaces the amended parts', () => {
      const employer = { ...receivedComplaint().employer, name: 'Golden Gate Auto Spa Inc.' };
      const amendment = { changes: { employer }, reason: 'Worker brought a pay stub.' };
      given(decider, [received])
        .when({ ...base, type: 'AmendComplaint', amendment })
        .then([{ type: 'ComplaintAmended', data: amendment }]);
      const state = decider.evolve(decider.evolve(decider.initialState, received), {
        type: 'ComplaintAmended',
        data: amendment,
      });
      expect(state.status === 'received' && state.complaint.employer.name).toBe('Golden Gate Auto Spa Inc.');
      expect(state.status === 'received' && state.complaint.allegations).toHaveLength(2);
    });
  });

  describe('AssessJurisdiction', () => {
    it('records the assessment', () => {
      given(decider, [received])
        .when({ ...base, type: 'AssessJurisdiction', assessment: inJurisdiction })
        .then([jurisdiction]);
    });
  });
});
