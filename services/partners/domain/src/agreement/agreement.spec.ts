import type { AgreementEvent } from '@lse/contracts';
import { given, isoDate } from '@lse/domain';
import { AGREEMENT_1, draft, TODAY } from '../../test/fixtures';
import { agreementDecider as decider, inForceOn } from './agreement';

const id = AGREEMENT_1;
const drafted: AgreementEvent = { type: 'AgreementDrafted', data: draft() };
const signed: AgreementEvent = {
  type: 'AgreementSigned',
  data: { signedOn: isoDate('2026-01-05'), signatories: ['Director'] },
};
const d = (s: string) => isoDate(s);

describe('agreement decider', () => {
  it('drafts once', () => {
    given(decider).when({ type: 'DraftAgreement', agreementId: id, draft: draft() }).then([drafted]);
    given(decider, [drafted])
      .when({ type: 'DraftAgreement', agreementId: id, draft: draft() })
      .thenThrows('conflict');
  });

  it('signs a draft, not a signed one, not in the future, not past its expiry', () => {
    const sign = (today = TODAY, signedOn = d('2026-01-05')) => ({
      type: 'SignAgreement' as const,
      agreementId: id,
      signedOn,
      signatories: ['Director'],
      today,
    });
    given(decider, [drafted]).when(sign()).then([signed]);
    given(decider, [drafted, signed]).when(sign()).thenThrows('invalid_transition');
    given(decider, [drafted])
      .when(sign(TODAY, d('2026-03-11')))
      .thenThrows('validation');
    given(decider, [drafted])
      .when(sign(d('2028-01-01'), d('2027-12-31')))
      .thenThrows('invalid_transition');
    given(decider).when(sign()).thenThrows('not_found');
  });

  it('amends with the next clause version, and the terms follow', () => {
    const amended: AgreementEvent = {
      type: 'AgreementAmended',
      data: {
        clauseVersion: 2,
        amendedOn: TODAY,
        changes: { sharingLevel: 'status_and_outcome' },
        summary: 'Outcomes too.',
      },
    };
    given(decider, [drafted, signed])
      .when({
        type: 'AmendAgreement',
        agreementId: id,
        amendedOn: TODAY,
        changes: { sharingLevel: 'status_and_outcome' },
        summary: 'Outcomes too.',
      })
      .then([amended]);
    given(decider, [drafted, signed, amended])
      .when({
        type: 'AmendAgreement',
        agreementId: id,
        amendedOn: TODAY,
        changes: { expiresOn: d('2026-12-31') },
        summary: 'Shorter.',
      })
      .then([
        {
          type: 'AgreementAmended',
          data: {
            clauseVersion: 3,
            amendedOn: TODAY,
            changes: { expiresOn: d('2026-12-31') },
            summary: 'Shorter.',
          },
        },
      ]);
    const state = [drafted, signed, amended].reduce(decider.evolve, decider.initialState);
    expect(state).toMatchObject({
      status: 'active',
      terms: { sharingLevel: 'status_and_outcome', clauseVersion: 2, scope: ['outreach', 'referrals'] },
    });
    given(decider, [drafted, signed])
      .when({
        type: 'AmendAgreement',
        agreementId: id,
        amendedOn: TODAY,
        changes: { expiresOn: d('2026-03-09') },
        summary: 'x',
      })
      .thenThrows('validation');
  });

  it('expires by itself once the expiry date is reached, exactly once', () => {
    const expire = (today: string) =>
      ({ type: 'ExpireAgreement', agreementId: id, today: d(today) }) as const;
    given(decider, [drafted, signed]).when(expire('2027-12-31')).then([]);
    const expired: AgreementEvent = {
      type: 'AgreementExpired',
      data: { expiresOn: d('2028-01-01'), recordedOn: d('2028-01-02') },
    };
    given(decider, [drafted, signed]).when(expire('2028-01-02')).then([expired]);
    given(decider, [drafted, signed, expired]).when(expire('2028-01-03')).then([]);
    given(decider, [drafted]).when(expire('2029-01-01')).then([]);
  });

  it('renews an active or lapsed agreement to a later expiry; a renewed one is in force again', () => {
    const expired: AgreementEvent = {
      type: 'AgreementExpired',
      data: { expiresOn: d('2028-01-01'), recordedOn: d('2028-01-01') },
    };
    const renewed: AgreementEvent = {
      type: 'AgreementRenewed',
      data: { renewedOn: d('2028-02-01'), previousExpiresOn: d('2028-01-01'), expiresOn: d('2031-01-01') },
    };
    given(decider, [drafted, signed, expired])
      .when({
        type: 'RenewAgreement',
        agreementId: id,
        renewedOn: d('2028-02-01'),
        expiresOn: d('2031-01-01'),
      })
      .then([renewed]);
    given(decider, [drafted, signed])
      .when({ type: 'RenewAgreement', agreementId: id, renewedOn: TODAY, expiresOn: d('2027-01-01') })
      .thenThrows('validation');
    given(decider, [drafted])
      .when({ type: 'RenewAgreement', agreementId: id, renewedOn: TODAY, expiresOn: d('2031-01-01') })
      .thenThrows('invalid_transition');
    const state = [drafted, signed, expired, renewed].reduce(decider.evolve, decider.initialState);
    expect(inForceOn(state, '2029-06-01')).toBe(true);
    expect(inForceOn(state, '2031-01-01')).toBe(false);
  });

  it('terminates a draft or an active agreement, nothing after', () => {
    const terminated: AgreementEvent = {
      type: 'AgreementTerminated',
      data: { terminatedOn: TODAY, reason: 'Partner closed.' },
    };
    const terminate = {
      type: 'TerminateAgreement',
      agreementId: id,
      terminatedOn: TODAY,
      reason: 'Partner closed.',
    } as const;
    given(decider, [drafted, signed]).when(terminate).then([terminated]);
    given(decider, [drafted, signed, terminated]).when(terminate).thenThrows('invalid_transition');
    given(decider, [drafted, signed, terminated])
      .when({ type: 'RenewAgreement', agreementId: id, renewedOn: TODAY, expiresOn: d('2031-01-01') })
      .thenThrows('invalid_transition');
  });
});
