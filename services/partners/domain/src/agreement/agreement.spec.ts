import { given, isoDate, type IsoDate } from '@lse/domain';
import { AGREEMENT_1, draft, event, TODAY } from '../../test/fixtures';
import { agreementDecider as decider, inForceOn } from './agreement';

const id = AGREEMENT_1;
const d = (s: string) => isoDate(s);
const drafted = event('AgreementDrafted', draft());
const signed = event('AgreementSigned', { signedOn: '2026-01-05', signatories: ['Director'] });
const amendedToOutcomes = event('AgreementAmended', {
  clauseVersion: 2,
  amendedOn: TODAY,
  changes: { sharingLevel: 'status_and_outcome' },
  summary: 'Outcomes too.',
});
const expired = event('AgreementExpired', { expiresOn: '2028-01-01', recordedOn: '2028-01-02' });
const renewed = event('AgreementRenewed', {
  renewedOn: '2028-02-01',
  previousExpiresOn: '2028-01-01',
  expiresOn: '2031-01-01',
});
const terminated = event('AgreementTerminated', { terminatedOn: TODAY, reason: 'Partner closed.' });

describe('agreement decider', () => {
  describe('drafting', () => {
    const draftIt = { type: 'DraftAgreement', agreementId: id, draft: draft() } as const;
    it('drafts an agreement', () => given(decider).when(draftIt).then([drafted]));
    it('drafts once', () => given(decider, [drafted]).when(draftIt).thenThrows('already_exists'));
  });

  describe('signing', () => {
    const sign = (today = TODAY, signedOn = d('2026-01-05')) => ({
      type: 'SignAgreement' as const,
      agreementId: id,
      signedOn,
      signatories: ['Director'],
      today,
    });
    it('signs a draft', () => given(decider, [drafted]).when(sign()).then([signed]));
    it('refuses signing a signed agreement', () =>
      given(decider, [drafted, signed]).when(sign()).thenThrows('agreement_active'));
    it('refuses a signature dated in the future', () =>
      given(decider, [drafted])
        .when(sign(TODAY, d('2026-03-11')))
        .thenThrows('signed_in_future'));
    it('refuses signing an agreement past its expiry', () =>
      given(decider, [drafted])
        .when(sign(d('2028-01-01'), d('2027-12-31')))
        .thenThrows('already_past_expiry'));
    it('refuses signing an agreement never drafted', () =>
      given(decider).when(sign()).thenThrows('agreement_not_found'));
  });

  describe('amending', () => {
    const amend = (changes: { sharingLevel?: 'status_and_outcome'; expiresOn?: IsoDate }, summary: string) =>
      ({ type: 'AmendAgreement', agreementId: id, amendedOn: TODAY, changes, summary }) as const;

    it('amends with the next clause version', () =>
      given(decider, [drafted, signed])
        .when(amend({ sharingLevel: 'status_and_outcome' }, 'Outcomes too.'))
        .then([amendedToOutcomes]));

    it('numbers a second amendment after the first', () =>
      given(decider, [drafted, signed, amendedToOutcomes])
        .when(amend({ expiresOn: d('2026-12-31') }, 'Shorter.'))
        .then([
          event('AgreementAmended', {
            clauseVersion: 3,
            amendedOn: TODAY,
            changes: { expiresOn: '2026-12-31' },
            summary: 'Shorter.',
          }),
        ]));

    it('the terms follow the amendment', () =>
      expect([drafted, signed, amendedToOutcomes].reduce(decider.evolve, decider.initialState)).toMatchObject(
        {
          status: 'active',
          terms: { sharingLevel: 'status_and_outcome', clauseVersion: 2, scope: ['outreach', 'referrals'] },
        },
      ));

    it('refuses an expiry before the amendment', () =>
      given(decider, [drafted, signed])
        .when(amend({ expiresOn: d('2026-03-09') }, 'x'))
        .thenThrows('expiry_before_amendment'));

    it('refuses an expiry before the effective date', () =>
      given(decider, [drafted, signed])
        .when(amend({ expiresOn: d('2025-12-31') }, 'x'))
        .thenThrows('expiry_before_effective'));
  });

  describe('expiry', () => {
    const expire = (today: string) =>
      ({ type: 'ExpireAgreement', agreementId: id, today: d(today) }) as const;
    it('changes nothing before the expiry date', () =>
      given(decider, [drafted, signed]).when(expire('2027-12-31')).then([]));
    it('expires by itself once the expiry date is reached', () =>
      given(decider, [drafted, signed]).when(expire('2028-01-02')).then([expired]));
    it('expires exactly once', () =>
      given(decider, [drafted, signed, expired]).when(expire('2028-01-03')).then([]));
    it('leaves a draft alone', () => given(decider, [drafted]).when(expire('2029-01-01')).then([]));
  });

  describe('renewal', () => {
    const renew = (renewedOn: string, expiresOn: string) =>
      ({
        type: 'RenewAgreement',
        agreementId: id,
        renewedOn: d(renewedOn),
        expiresOn: d(expiresOn),
      }) as const;
    it('renews a lapsed agreement to a later expiry', () =>
      given(decider, [drafted, signed, expired]).when(renew('2028-02-01', '2031-01-01')).then([renewed]));
    it('a renewed agreement is in force again until its new expiry', () => {
      const state = [drafted, signed, expired, renewed].reduce(decider.evolve, decider.initialState);
      expect(inForceOn(state, '2029-06-01')).toBe(true);
      expect(inForceOn(state, '2031-01-01')).toBe(false);
    });
    it('refuses an expiry no later than the current one', () =>
      given(decider, [drafted, signed]).when(renew(TODAY, '2027-01-01')).thenThrows('renewal_not_later'));
    it('refuses renewing a draft', () =>
      given(decider, [drafted]).when(renew(TODAY, '2031-01-01')).thenThrows('agreement_drafted'));
  });

  describe('termination', () => {
    const terminate = {
      type: 'TerminateAgreement',
      agreementId: id,
      terminatedOn: TODAY,
      reason: 'Partner closed.',
    } as const;
    it('terminates an active agreement', () =>
      given(decider, [drafted, signed]).when(terminate).then([terminated]));
    it('terminates a draft', () => given(decider, [drafted]).when(terminate).then([terminated]));
    it('refuses terminating twice', () =>
      given(decider, [drafted, signed, terminated]).when(terminate).thenThrows('agreement_terminated'));
    it('refuses renewing a terminated agreement', () =>
      given(decider, [drafted, signed, terminated])
        .when({ type: 'RenewAgreement', agreementId: id, renewedOn: TODAY, expiresOn: d('2031-01-01') })
        .thenThrows('agreement_terminated'));
  });
});
