import { given } from '@lse/domain';
import { CaseAlreadyOpenedError, SelfDuplicateError } from './errors';
import { base, closing, decider, opened, received, triaged } from '../test/events';
import { CASE_ID, OTHER_CASE_ID } from '../test/fixtures';

describe('complaint decider', () => {
  describe('LinkDuplicate', () => {
    it('links the complaint to an existing case and closes it', () => {
      given(decider, [received])
        .when({
          ...base,
          type: 'LinkDuplicate',
          link: closing.duplicate.data as never,
          target: { caseId: OTHER_CASE_ID, status: 'opened' },
        })
        .then([closing.duplicate]);
    });

    it('refuses a link to itself', () => {
      given(decider, [received])
        .when({
          ...base,
          type: 'LinkDuplicate',
          link: { duplicateOfCaseId: CASE_ID, reason: 'x' },
          target: { caseId: CASE_ID, status: 'received' },
        })
        .thenThrows(SelfDuplicateError);
    });
  });

  describe('ReferOut', () => {
    it('hands the complaint to another agency, or cross-files and keeps it', () => {
      given(decider, [received])
        .when({ ...base, type: 'ReferOut', referral: closing.referred_out.data as never })
        .then([closing.referred_out]);
      const crossFiled = { receivingAgency: 'OSHA', crossFiled: true, reason: 'Chemical exposure.' } as const;
      given(decider, [received])
        .when({ ...base, type: 'ReferOut', referral: crossFiled })
        .then([{ type: 'ComplaintReferredOut', data: crossFiled }]);
      // Cross-filed, it stays in intake and can still be opened.
      given(decider, [...triaged, { type: 'ComplaintReferredOut', data: crossFiled }])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .then([opened]);
    });

    it('an opened case can be cross-filed but not handed over', () => {
      const crossFiled = {
        receivingAgency: 'NLRB',
        crossFiled: true,
        reason: 'Concerted activity.',
      } as const;
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'ReferOut', referral: crossFiled })
        .then([{ type: 'ComplaintReferredOut', data: crossFiled }]);
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'ReferOut', referral: { ...crossFiled, crossFiled: false } })
        .thenThrows(CaseAlreadyOpenedError);
    });
  });

  describe('Decline and Withdraw', () => {
    it('close the complaint', () => {
      given(decider, [received])
        .when({ ...base, type: 'Decline', decline: closing.declined.data as never })
        .then([closing.declined]);
      given(decider, [received])
        .when({ ...base, type: 'Withdraw', withdrawal: closing.withdrawn.data as never })
        .then([closing.withdrawn]);
    });
  });
});
