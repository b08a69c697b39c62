import { given } from '@lse/domain';
import { CaseAlreadyOpenedError, SelfDuplicateError } from './errors';
import { base, closing, decider, opened, received, triaged } from '../test/events';
import { CASE_ID, OTHER_CASE_ID, event } from '../test/fixtures';

describe('complaint decider', () => {
  describe('LinkDuplicate', () => {
    it('links the complaint to an existing case and closes it', () =>
      given(decider, [received])
        .when({
          ...base,
          type: 'LinkDuplicate',
          link: closing.duplicate.data,
          target: { caseId: OTHER_CASE_ID, status: 'opened' },
        })
        .then([closing.duplicate]));

    it('refuses a link to itself', () =>
      given(decider, [received])
        .when({
          ...base,
          type: 'LinkDuplicate',
          link: { duplicateOfCaseId: CASE_ID, reason: 'x' },
          target: { caseId: CASE_ID, status: 'received' },
        })
        .thenThrows(SelfDuplicateError));
  });

  describe('ReferOut', () => {
    const crossFiled = event('ComplaintReferredOut', {
      receivingAgency: 'OSHA',
      crossFiled: true,
      reason: 'Chemical exposure.',
    });

    it('hands the complaint to another agency', () =>
      given(decider, [received])
        .when({ ...base, type: 'ReferOut', referral: closing.referred_out.data })
        .then([closing.referred_out]));

    it('cross-files it with another agency', () =>
      given(decider, [received])
        .when({ ...base, type: 'ReferOut', referral: crossFiled.data })
        .then([crossFiled]));

    it('keeps a cross-filed complaint in intake: it can still be opened', () =>
      given(decider, [...triaged, crossFiled])
        .when({ ...base, type: 'OpenCase', caseNumber: 'LSE-2026-000042' })
        .then([opened]));

    it('cross-files an opened case', () =>
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'ReferOut', referral: crossFiled.data })
        .then([crossFiled]));

    it('refuses handing over an opened case', () =>
      given(decider, [...triaged, opened])
        .when({ ...base, type: 'ReferOut', referral: { ...crossFiled.data, crossFiled: false } })
        .thenThrows(CaseAlreadyOpenedError));
  });

  describe('Decline and Withdraw', () => {
    it('a decline closes the complaint', () =>
      given(decider, [received])
        .when({ ...base, type: 'Decline', decline: closing.declined.data })
        .then([closing.declined]));

    it('a withdrawal closes the complaint', () =>
      given(decider, [received])
        .when({ ...base, type: 'Withdraw', withdrawal: closing.withdrawn.data })
        .then([closing.withdrawn]));
  });
});
