import { isoDate } from '@lse/domain';
import { agreementDecider } from '../agreement/agreement';
import {
  AGREEMENT_1,
  AGREEMENT_2,
  draft,
  NOW,
  PARTNER_A,
  PARTNER_B,
  signedAgreement,
  TODAY,
  WORKER_1,
  WORKER_2,
} from '../../test/fixtures';
import { decideDisclosure, governingAgreement, type MilestoneFacts, type WorkerConsent } from './policy';

const determination: MilestoneFacts = {
  milestone: 'determination_issued',
  fields: {
    stage: 'determination',
    status: 'determination_issued',
    occurredOn: TODAY,
    caseNumber: 'LSE-2026-000042',
    determinationOutcome: 'violations_found',
    backWagesAssessedCents: 1_250_000,
    civilPenaltiesCents: 50_000,
  },
};
const consent = (workerId: string, scopes: WorkerConsent['scopes'], version = 1): WorkerConsent => ({
  workerId,
  version,
  scopes,
});
const decide = (over: Partial<Parameters<typeof decideDisclosure>[0]> = {}) =>
  decideDisclosure({
    partnerId: PARTNER_A,
    facts: determination,
    agreements: [signedAgreement(AGREEMENT_1)],
    consents: [consent(WORKER_1, ['status'])],
    today: TODAY,
    now: NOW,
    ...over,
  });

describe('decideDisclosure', () => {
  it('status level + status consent: the status fields only, citing agreement, clause version and consent', () => {
    expect(decide()).toEqual({
      type: 'StatusSharedWithPartner',
      data: {
        partnerId: PARTNER_A,
        milestone: 'determination_issued',
        fields: {
          stage: 'determination',
          status: 'determination_issued',
          occurredOn: TODAY,
          caseNumber: 'LSE-2026-000042',
        },
        withheldFields: ['determinationOutcome', 'backWagesAssessedCents', 'civilPenaltiesCents'],
        agreementId: AGREEMENT_1,
        clauseVersion: 1,
        sharingLevel: 'status',
        consents: [{ workerId: WORKER_1, version: 1, scopes: ['status'] }],
        sharedAt: NOW,
      },
    });
  });

  it('full_with_consent and outcome consent of every worker: amounts too', () => {
    const d = decide({
      agreements: [signedAgreement(AGREEMENT_1, { sharingLevel: 'full_with_consent' })],
      consents: [consent(WORKER_1, ['status', 'outcome']), consent(WORKER_2, ['status', 'outcome'], 3)],
    });
    expect(d.type).toBe('StatusSharedWithPartner');
    expect(d.data.withheldFields).toEqual([]);
    expect(d.type === 'StatusSharedWithPartner' && d.data.fields.backWagesAssessedCents).toBe(1_250_000);
  });

  it('one worker without outcome consent keeps every outcome and amount back', () => {
    const d = decide({
      agreements: [signedAgreement(AGREEMENT_1, { sharingLevel: 'full_with_consent' })],
      consents: [consent(WORKER_1, ['status', 'outcome']), consent(WORKER_2, ['status'])],
    });
    expect(d.type === 'StatusSharedWithPartner' && Object.keys(d.data.fields)).toEqual([
      'stage',
      'status',
      'occurredOn',
      'caseNumber',
    ]);
  });

  it.each([
    ['no agreement at all', { agreements: [] }, 'no_active_agreement'],
    ['an agreement with another partner', { partnerId: PARTNER_B }, 'no_active_agreement'],
    [
      'an agreement past its expiry date, even before the check records it',
      { today: isoDate('2028-01-01') },
      'no_active_agreement',
    ],
    ['an agreement not yet effective', { today: isoDate('2025-12-31') }, 'no_active_agreement'],
    [
      'an outreach-only agreement',
      { agreements: [signedAgreement(AGREEMENT_1, { scope: ['outreach'] })] },
      'agreement_excludes_referrals',
    ],
    [
      'sharing level none',
      { agreements: [signedAgreement(AGREEMENT_1, { sharingLevel: 'none' })] },
      'sharing_level_none',
    ],
    [
      'a revoked consent',
      { consents: [consent(WORKER_1, ['status']), consent(WORKER_2, [], 2)] },
      'consent_revoked',
    ],
    [
      'outcome consent only under a status agreement',
      { consents: [consent(WORKER_1, ['outcome'])] },
      'consent_does_not_cover',
    ],
  ] as const)('withholds everything with %s, and says why', (_label, over, reason) => {
    const d = decide(over);
    expect(d.type).toBe('DisclosureWithheld');
    expect(d.data).toMatchObject({ reason, milestone: 'determination_issued' });
    expect(d.data.withheldFields).toHaveLength(7);
    expect('fields' in d.data).toBe(false);
  });

  it('a terminated or merely drafted agreement governs nothing', () => {
    const signed = signedAgreement(AGREEMENT_1);
    const terminated = agreementDecider.evolve(signed.state, {
      type: 'AgreementTerminated',
      data: { terminatedOn: TODAY, reason: 'ended' },
    });
    expect(decide({ agreements: [{ agreementId: AGREEMENT_1, state: terminated }] }).data).toMatchObject({
      reason: 'no_active_agreement',
    });
    const drafted = agreementDecider.evolve(agreementDecider.initialState, {
      type: 'AgreementDrafted',
      data: draft(),
    });
    expect(governingAgreement(PARTNER_A, [{ agreementId: AGREEMENT_1, state: drafted }], TODAY)).toEqual({
      reason: 'no_active_agreement',
    });
  });

  it('the agreement the referral named wins; otherwise the most recently effective one', () => {
    const older = signedAgreement(AGREEMENT_1, {
      effectiveOn: isoDate('2025-01-01'),
      sharingLevel: 'status_and_outcome',
    });
    const newer = signedAgreement(AGREEMENT_2, { effectiveOn: isoDate('2026-02-01') });
    expect(governingAgreement(PARTNER_A, [older, newer], TODAY)).toMatchObject({ agreementId: AGREEMENT_2 });
    expect(governingAgreement(PARTNER_A, [older, newer], TODAY, AGREEMENT_1)).toMatchObject({
      agreementId: AGREEMENT_1,
      sharingLevel: 'status_and_outcome',
    });
  });
});
