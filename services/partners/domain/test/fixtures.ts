import {
  AGREEMENT_EVENTS,
  OUTREACH_EVENTS,
  PARTNER_EVENTS,
  REFERRAL_EVENTS,
  type AgreementDrafted,
  type ReferralSubmitted,
} from '@lse/contracts';
import { eventBuilder, isoDate } from '@lse/domain';
import { agreementDecider, type AgreementState } from '../src/agreement/agreement';
import type { KnownAgreement } from '../src/disclosure/policy';

/** Fixed ids and data for the partners specs (and the partners service tests). */
export const PARTNER_A = '0b8c2f0e-5a43-4b1d-8f6e-1c2d3e4f5a6b';
export const PARTNER_B = '1b8c2f0e-5a43-4b1d-8f6e-1c2d3e4f5a6c';
export const AGREEMENT_1 = 'a1000000-0000-4000-8000-000000000001';
export const AGREEMENT_2 = 'a2000000-0000-4000-8000-000000000002';
export const WORKER_1 = 'c1000000-0000-4000-8000-000000000001';
export const WORKER_2 = 'c2000000-0000-4000-8000-000000000002';
export const REFERRAL = 'e1000000-0000-4000-8000-000000000001';

/** A past event of any partners stream, checked by its contract and typed as that event. */
export const event = eventBuilder({
  ...PARTNER_EVENTS,
  ...AGREEMENT_EVENTS,
  ...REFERRAL_EVENTS,
  ...OUTREACH_EVENTS,
});

export const TODAY = isoDate('2026-03-10');
export const NOW = '2026-03-10T15:00:00.000Z';

export function draft(overrides: Partial<AgreementDrafted> = {}): AgreementDrafted {
  return {
    type: 'letter_of_arrangement',
    title: 'Letter of arrangement with the worker center',
    partnerIds: [PARTNER_A],
    agencyParty: 'Office of Labor Standards Enforcement',
    scope: ['outreach', 'referrals'],
    sharingLevel: 'status',
    effectiveOn: isoDate('2026-01-01'),
    expiresOn: isoDate('2028-01-01'),
    clauses: [{ clauseId: 'sharing', title: 'What may be shared', text: 'Case status only.' }],
    ...overrides,
  };
}

/** An agreement signed on its effective date, optionally amended to another sharing level. */
export function signedAgreement(
  agreementId: string,
  overrides: Partial<AgreementDrafted> = {},
): KnownAgreement & { state: AgreementState } {
  const d = draft(overrides);
  let state = agreementDecider.evolve(agreementDecider.initialState, { type: 'AgreementDrafted', data: d });
  state = agreementDecider.evolve(state, {
    type: 'AgreementSigned',
    data: { signedOn: d.effectiveOn, signatories: ['Director'] },
  });
  return { agreementId, state };
}

export function submitted(overrides: Partial<ReferralSubmitted> = {}): ReferralSubmitted {
  return {
    partnerId: PARTNER_A,
    partnerType: 'worker_center',
    office: 'SF-01',
    submittedAt: NOW,
    workers: [
      {
        workerId: WORKER_1,
        name: 'Ana Ruiz',
        preferredLanguage: 'es',
        interpreterNeeded: true,
        confidentialityRequested: false,
        consent: { scopes: ['status'] },
      },
    ],
    employer: {
      name: 'Golden Gate Car Wash LLC',
      address: { street: '1200 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103' },
      naics: '811192',
    },
    allegations: [
      { type: 'overtime', periodStart: isoDate('2025-06-01'), workersAffected: 6, ongoing: true },
    ],
    prepWork: [{ kind: 'intake_interview', description: 'Interviewed two workers in Spanish.' }],
    documents: [],
    ...overrides,
  };
}
