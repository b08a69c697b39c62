import type { ReferralEvent } from '@lse/contracts';
import { given, isoDate } from '@lse/domain';
import {
  AGREEMENT_1,
  AGREEMENT_2,
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

const sub: ReferralEvent = { type: 'ReferralSubmitted', data: submitted() };
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
const sharedOpened: ReferralEvent = {
  type: 'StatusSharedWithPartner',
  data: {
    partnerId: PARTNER_A,
    milestone: 'case_opened',
    fields: opened.fields,
    withheldFields: [],
    agreementId: AGREEMENT_1,
    clauseVersion: 1,
    sharingLevel: 'status',
    consents: [{ workerId: WORKER_1, version: 1, scopes: ['status'] }],
    sharedAt: NOW,
  },
};
const accepted: ReferralEvent = { type: 'ReferralAccepted', data: { acceptedAt: NOW } };

describe('referral decider', () => {
  it('an active partner submits; a deactivated or unknown one cannot', () => {
    const submit = (status: 'none' | 'active' | 'deactivated') =>
      ({
        type: 'SubmitReferral',
        referralId: REFERRAL,
        partner: { partnerId: PARTNER_A, status, type: status === 'none' ? undefined : 'worker_center' },
        referral: filed,
      }) as const;
    given(decider).when(submit('active')).then([sub]);
    given(decider).when(submit('deactivated')).thenThrows('invalid_transition');
    given(decider).when(submit('none')).thenThrows('not_found');
    given(decider, [sub]).when(submit('active')).thenThrows('conflict');
  });

  it('a partner names only an agreement it is a party to; another organization’s or an unknown one is refused like a missing one', () => {
    const submit = (namedAgreement?: { agreementId: string; partnerIds: string[] }) =>
      ({
        type: 'SubmitReferral',
        referralId: REFERRAL,
        partner: { partnerId: PARTNER_A, status: 'active', type: 'worker_center' },
        referral: { ...filed, agreementId: AGREEMENT_1 },
        ...(namedAgreement ? { namedAgreement } : {}),
      }) as const;
    given(decider)
      .when(submit({ agreementId: AGREEMENT_1, partnerIds: [PARTNER_B, PARTNER_A] }))
      .then([{ type: 'ReferralSubmitted', data: { ...submitted(), agreementId: AGREEMENT_1 } }]);
    given(decider)
      .when(submit({ agreementId: AGREEMENT_1, partnerIds: [PARTNER_B] }))
      .thenThrows('validation');
    given(decider)
      .when(submit({ agreementId: AGREEMENT_1, partnerIds: [] }))
      .thenThrows('validation');
    given(decider).when(submit()).thenThrows('validation');
    given(decider)
      .when(submit({ agreementId: AGREEMENT_2, partnerIds: [PARTNER_A] }))
      .thenThrows('validation');
    expect(() =>
      decider.decide(submit({ agreementId: AGREEMENT_1, partnerIds: [PARTNER_B] }), decider.initialState),
    ).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          reason: 'agreement_not_party',
          errors: [{ path: 'agreementId', message: expect.any(String) }],
        }),
      }),
    );
  });

  it('versions each worker consent: grant, narrow, revoke; the same scopes again change nothing', () => {
    const change = (scopes: Array<'status' | 'outcome'>, workerId = WORKER_1) =>
      ({ type: 'ChangeConsent', referralId: REFERRAL, workerId, scopes, now: NOW }) as const;
    const granted: ReferralEvent = {
      type: 'ConsentGranted',
      data: { workerId: WORKER_1, version: 2, recordedAt: NOW, scopes: ['status', 'outcome'] },
    };
    given(decider, [sub])
      .when(change(['status', 'outcome']))
      .then([granted]);
    given(decider, [sub, granted])
      .when(change(['outcome']))
      .then([
        {
          type: 'ConsentNarrowed',
          data: { workerId: WORKER_1, version: 3, recordedAt: NOW, scopes: ['outcome'] },
        },
      ]);
    given(decider, [sub, granted])
      .when(change([]))
      .then([{ type: 'ConsentRevoked', data: { workerId: WORKER_1, version: 3, recordedAt: NOW } }]);
    given(decider, [sub])
      .when(change(['status']))
      .then([]);
    given(decider, [sub])
      .when(change(['status'], 'c9000000-0000-4000-8000-000000000009'))
      .thenThrows('not_found');
  });

  it('accepting shares the case_opened milestone under the agreement; a second acceptance adds nothing', () => {
    const accept = {
      type: 'AcceptReferral',
      referralId: REFERRAL,
      now: NOW,
      facts: opened,
      context,
    } as const;
    given(decider, [sub]).when(accept).then([accepted, sharedOpened]);
    given(decider, [sub, accepted, sharedOpened]).when(accept).then([]);
  });

  it('a revocation applies to the very next milestone', () => {
    const revoked: ReferralEvent = {
      type: 'ConsentRevoked',
      data: { workerId: WORKER_1, version: 2, recordedAt: NOW },
    };
    given(decider, [sub, accepted, sharedOpened, revoked])
      .when({ type: 'RecordMilestone', referralId: REFERRAL, now: NOW, facts: determination, context })
      .then([
        {
          type: 'DisclosureWithheld',
          data: {
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
          },
        },
      ]);
  });

  it('a declined referral hears no milestones; closing decides the last milestone first, once', () => {
    const declined: ReferralEvent = {
      type: 'ReferralDeclined',
      data: { reasonCode: 'no_jurisdiction', declinedAt: NOW },
    };
    given(decider, [sub])
      .when({ type: 'DeclineReferral', referralId: REFERRAL, now: NOW, reasonCode: 'no_jurisdiction' })
      .then([declined]);
    given(decider, [sub, declined])
      .when({ type: 'RecordMilestone', referralId: REFERRAL, now: NOW, facts: determination, context })
      .then([]);
    given(decider, [sub, declined])
      .when({ type: 'AcceptReferral', referralId: REFERRAL, now: NOW, facts: opened, context })
      .then([]);
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
    const closed: ReferralEvent = { type: 'ReferralClosed', data: { reason: 'case_closed', closedAt: NOW } };
    given(decider, [sub, accepted])
      .when(close)
      .then([
        {
          type: 'StatusSharedWithPartner',
          data: {
            ...(sharedOpened.data as object),
            milestone: 'case_closed',
            fields: { stage: 'closed', status: 'case_closed', occurredOn: isoDate('2026-09-01') },
            withheldFields: ['amountCollectedCents'],
          } as never,
        },
        closed,
      ]);
    given(decider, [sub, accepted, closed]).when(close).then([]);
    given(decider).when(close).thenThrows('not_found');
  });

  it('a milestone after the referral closed is still shared or withheld: investigation closing after the collection case', () => {
    const investigationClosed: MilestoneFacts = {
      milestone: 'investigation_closed',
      fields: {
        stage: 'closed',
        status: 'investigation_closed',
        occurredOn: TODAY,
        closureReason: 'resolved',
      },
    };
    const sharedClosed: ReferralEvent = {
      type: 'StatusSharedWithPartner',
      data: {
        ...(sharedOpened.data as object),
        milestone: 'case_closed',
        fields: { stage: 'closed', status: 'case_closed', occurredOn: TODAY },
        withheldFields: ['closureReason'],
      } as never,
    };
    const closed: ReferralEvent = { type: 'ReferralClosed', data: { reason: 'case_closed', closedAt: NOW } };
    given(decider, [sub, accepted, sharedOpened, sharedClosed, closed])
      .when({ type: 'RecordMilestone', referralId: REFERRAL, now: NOW, facts: investigationClosed, context })
      .then([
        {
          type: 'StatusSharedWithPartner',
          data: {
            ...(sharedOpened.data as object),
            milestone: 'investigation_closed',
            fields: { stage: 'closed', status: 'investigation_closed', occurredOn: TODAY },
            withheldFields: ['closureReason'],
          } as never,
        },
      ]);
    // Without an agreement in force it is withheld, with the reason: never silently dropped.
    const withheld = decider.decide(
      {
        type: 'RecordMilestone',
        referralId: REFERRAL,
        now: NOW,
        facts: investigationClosed,
        context: { agreements: [], today: TODAY },
      },
      [sub, accepted, sharedOpened, sharedClosed, closed].reduce(decider.evolve, decider.initialState),
    );
    expect(withheld).toEqual([
      expect.objectContaining({
        type: 'DisclosureWithheld',
        data: expect.objectContaining({ milestone: 'investigation_closed', reason: 'no_active_agreement' }),
      }),
    ]);
  });
});
