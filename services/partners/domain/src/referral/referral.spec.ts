import { given, isoDate } from '@lse/domain';
import {
  AGREEMENT_1,
  AGREEMENT_2,
  event,
  NOW,
  PARTNER_A,
  PARTNER_B,
  REFERRAL,
  signedAgreement,
  submitted,
  TODAY,
  WORKER_1,
} from '../../test/fixtures';
import type { MilestoneFacts } from '../disclosure/policy';
import { referralDecider as decider } from './referral';

const sub = event('ReferralSubmitted', submitted());
const { partnerId: _p, partnerType: _t, ...filed } = submitted();
const context = { agreements: [signedAgreement(AGREEMENT_1)], today: TODAY };
const opened: MilestoneFacts = {
  milestone: 'case_opened',
  fields: { stage: 'investigation', status: 'case_opened', occurredOn: TODAY, caseNumber: 'LSE-2026-000042' },
};
const determination: MilestoneFacts = {
  milestone: 'determination_issued',
  fields: {
    stage: 'determination',
    status: 'determination_issued',
    occurredOn: TODAY,
    determinationOutcome: 'violations_found',
    backWagesAssessedCents: 99_00,
  },
};
const sharedOpened = event('StatusSharedWithPartner', {
  partnerId: PARTNER_A,
  milestone: 'case_opened',
  fields: opened.fields,
  withheldFields: [],
  agreementId: AGREEMENT_1,
  clauseVersion: 1,
  sharingLevel: 'status',
  consents: [{ workerId: WORKER_1, version: 1, scopes: ['status'] }],
  sharedAt: NOW,
});
const accepted = event('ReferralAccepted', { acceptedAt: NOW });
const declined = event('ReferralDeclined', { reasonCode: 'no_jurisdiction', declinedAt: NOW });
const closed = event('ReferralClosed', { reason: 'case_closed', closedAt: NOW });

describe('referral decider', () => {
  describe('submission', () => {
    const submit = (status: 'none' | 'active' | 'deactivated') =>
      ({
        type: 'SubmitReferral',
        referralId: REFERRAL,
        partner: { partnerId: PARTNER_A, status, type: status === 'none' ? undefined : 'worker_center' },
        referral: filed,
      }) as const;
    it('an active partner submits', () => given(decider).when(submit('active')).then([sub]));
    it('a deactivated partner cannot', () =>
      given(decider).when(submit('deactivated')).thenThrows('partner_deactivated'));
    it('an unknown partner cannot', () =>
      given(decider).when(submit('none')).thenThrows('partner_not_found'));
    it('a referral is submitted once', () =>
      given(decider, [sub]).when(submit('active')).thenThrows('already_exists'));
  });

  describe('the agreement a partner names', () => {
    const submit = (namedAgreement?: { agreementId: string; partnerIds: string[] }) =>
      ({
        type: 'SubmitReferral',
        referralId: REFERRAL,
        partner: { partnerId: PARTNER_A, status: 'active', type: 'worker_center' },
        referral: { ...filed, agreementId: AGREEMENT_1 },
        ...(namedAgreement ? { namedAgreement } : {}),
      }) as const;
    it('is one it is a party to', () =>
      given(decider)
        .when(submit({ agreementId: AGREEMENT_1, partnerIds: [PARTNER_B, PARTNER_A] }))
        .then([event('ReferralSubmitted', { ...submitted(), agreementId: AGREEMENT_1 })]));
    it('refuses another organization’s agreement', () =>
      given(decider)
        .when(submit({ agreementId: AGREEMENT_1, partnerIds: [PARTNER_B] }))
        .thenThrows('agreement_not_party'));
    it('refuses an agreement with no party', () =>
      given(decider)
        .when(submit({ agreementId: AGREEMENT_1, partnerIds: [] }))
        .thenThrows('agreement_not_party'));
    it('refuses an unknown agreement like another organization’s', () =>
      given(decider).when(submit()).thenThrows('agreement_not_party'));
    it('refuses an agreement other than the one named', () =>
      given(decider)
        .when(submit({ agreementId: AGREEMENT_2, partnerIds: [PARTNER_A] }))
        .thenThrows('agreement_not_party'));
    it('names the field in the refusal', () =>
      expect(() =>
        decider.decide(submit({ agreementId: AGREEMENT_1, partnerIds: [PARTNER_B] }), decider.initialState),
      ).toThrow(
        expect.objectContaining({
          details: expect.objectContaining({
            errors: [{ path: 'agreementId', message: expect.any(String) }],
          }),
        }),
      ));
  });

  describe('consent, versioned per worker', () => {
    const change = (scopes: Array<'status' | 'outcome'>, workerId = WORKER_1) =>
      ({ type: 'ChangeConsent', referralId: REFERRAL, workerId, scopes, now: NOW }) as const;
    const granted = event('ConsentGranted', {
      workerId: WORKER_1,
      version: 2,
      recordedAt: NOW,
      scopes: ['status', 'outcome'],
    });
    it('grants', () =>
      given(decider, [sub])
        .when(change(['status', 'outcome']))
        .then([granted]));
    it('narrows', () =>
      given(decider, [sub, granted])
        .when(change(['outcome']))
        .then([
          event('ConsentNarrowed', { workerId: WORKER_1, version: 3, recordedAt: NOW, scopes: ['outcome'] }),
        ]));
    it('revokes', () =>
      given(decider, [sub, granted])
        .when(change([]))
        .then([event('ConsentRevoked', { workerId: WORKER_1, version: 3, recordedAt: NOW })]));
    it('the same scopes again change nothing', () =>
      given(decider, [sub])
        .when(change(['status']))
        .then([]));
    it('refuses a worker not on the referral', () =>
      given(decider, [sub])
        .when(change(['status'], 'c9000000-0000-4000-8000-000000000009'))
        .thenThrows('worker_not_found'));
    it('refuses a referral never submitted', () =>
      given(decider)
        .when(change(['status']))
        .thenThrows('referral_not_found'));
  });

  describe('acceptance and milestones', () => {
    const accept = {
      type: 'AcceptReferral',
      referralId: REFERRAL,
      now: NOW,
      facts: opened,
      context,
    } as const;
    const record = (facts: MilestoneFacts, ctx = context) =>
      ({ type: 'RecordMilestone', referralId: REFERRAL, now: NOW, facts, context: ctx }) as const;
    const investigationClosed: MilestoneFacts = {
      milestone: 'investigation_closed',
      fields: {
        stage: 'closed',
        status: 'investigation_closed',
        occurredOn: TODAY,
        closureReason: 'resolved',
      },
    };
    const sharedClosed = event('StatusSharedWithPartner', {
      ...sharedOpened.data,
      milestone: 'case_closed',
      fields: { stage: 'closed', status: 'case_closed', occurredOn: TODAY },
      withheldFields: ['closureReason'],
    });
    const afterClose = [sub, accepted, sharedOpened, sharedClosed, closed];

    it('accepting shares the case_opened milestone under the agreement', () =>
      given(decider, [sub]).when(accept).then([accepted, sharedOpened]));

    it('a second acceptance adds nothing', () =>
      given(decider, [sub, accepted, sharedOpened]).when(accept).then([]));

    it('a revocation applies to the very next milestone', () => {
      const revoked = event('ConsentRevoked', { workerId: WORKER_1, version: 2, recordedAt: NOW });
      given(decider, [sub, accepted, sharedOpened, revoked])
        .when(record(determination))
        .then([
          event('DisclosureWithheld', {
            partnerId: PARTNER_A,
            milestone: 'determination_issued',
            reason: 'consent_revoked',
            withheldFields: [
              'stage',
              'status',
              'occurredOn',
              'determinationOutcome',
              'backWagesAssessedCents',
            ],
            agreementId: AGREEMENT_1,
            clauseVersion: 1,
            sharingLevel: 'status',
            consents: [{ workerId: WORKER_1, version: 2, scopes: [] }],
            decidedAt: NOW,
          }),
        ]);
    });

    it('a milestone after the referral closed is still shared: investigation closing after the collection case', () =>
      given(decider, afterClose)
        .when(record(investigationClosed))
        .then([
          event('StatusSharedWithPartner', {
            ...sharedOpened.data,
            milestone: 'investigation_closed',
            fields: { stage: 'closed', status: 'investigation_closed', occurredOn: TODAY },
            withheldFields: ['closureReason'],
          }),
        ]));

    it('without an agreement in force it is withheld, with the reason: never silently dropped', () =>
      expect(
        decider.decide(
          record(investigationClosed, { agreements: [], today: TODAY }),
          afterClose.reduce(decider.evolve, decider.initialState),
        ),
      ).toEqual([
        expect.objectContaining({
          type: 'DisclosureWithheld',
          data: expect.objectContaining({ milestone: 'investigation_closed', reason: 'no_active_agreement' }),
        }),
      ]));
  });

  describe('decline and close', () => {
    const closedFacts: MilestoneFacts = {
      milestone: 'case_closed',
      fields: {
        stage: 'closed',
        status: 'case_closed',
        occurredOn: isoDate('2026-09-01'),
        amountCollectedCents: 5,
      },
    };
    const close = {
      type: 'CloseReferral',
      referralId: REFERRAL,
      now: NOW,
      reason: 'case_closed',
      facts: closedFacts,
      context,
    } as const;

    it('declines a submitted referral', () =>
      given(decider, [sub])
        .when({ type: 'DeclineReferral', referralId: REFERRAL, now: NOW, reasonCode: 'no_jurisdiction' })
        .then([declined]));
    it('a declined referral hears no milestones', () =>
      given(decider, [sub, declined])
        .when({ type: 'RecordMilestone', referralId: REFERRAL, now: NOW, facts: determination, context })
        .then([]));
    it('a declined referral is not accepted later', () =>
      given(decider, [sub, declined])
        .when({ type: 'AcceptReferral', referralId: REFERRAL, now: NOW, facts: opened, context })
        .then([]));
    it('closing decides the last milestone first', () =>
      given(decider, [sub, accepted])
        .when(close)
        .then([
          event('StatusSharedWithPartner', {
            ...sharedOpened.data,
            milestone: 'case_closed',
            fields: { stage: 'closed', status: 'case_closed', occurredOn: '2026-09-01' },
            withheldFields: ['amountCollectedCents'],
          }),
          closed,
        ]));
    it('closes once', () => given(decider, [sub, accepted, closed]).when(close).then([]));
    it('refuses closing a referral never submitted', () =>
      given(decider).when(close).thenThrows('referral_not_found'));
  });
});
