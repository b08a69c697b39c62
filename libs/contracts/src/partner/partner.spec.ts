import { findUnclassifiedFields } from '../unclassified';
import { eventRegistry } from '../registry';
import {
  AGREEMENT_EVENTS,
  AgreementDrafted,
  ConsentNarrowed,
  DISCLOSABLE_FIELDS,
  OUTREACH_EVENTS,
  PARTNER_EVENTS,
  REFERRAL_EVENTS,
  ReferralSubmitted,
  StatusSharedWithPartner,
} from './index';

const ALL = { ...PARTNER_EVENTS, ...AGREEMENT_EVENTS, ...REFERRAL_EVENTS, ...OUTREACH_EVENTS };

describe('partner, agreement, referral and outreach contracts', () => {
  it.each(Object.entries(ALL))(
    '%s is registered in its category and classified field by field',
    (type, def) => {
      expect(eventRegistry.get(type)).toBe(def);
      expect(['partner', 'agreement', 'referral', 'outreach']).toContain(def.category);
      expect(findUnclassifiedFields(def.schema)).toEqual([]);
    },
  );

  const worker = {
    workerId: '7d9f1c1e-3b0a-4e51-9a55-0c7f2b7e9a01',
    name: 'Ana Ruiz',
    preferredLanguage: 'es',
    interpreterNeeded: true,
    confidentialityRequested: false,
    consent: { scopes: ['status'] },
  };
  const referral = {
    partnerId: '0b8c2f0e-5a43-4b1d-8f6e-1c2d3e4f5a6b',
    partnerType: 'worker_center',
    office: 'SF-01',
    submittedAt: '2026-03-01T10:00:00Z',
    workers: [worker],
    employer: {
      name: 'Golden Gate Car Wash LLC',
      address: { street: '1 Main St', city: 'San Francisco', state: 'CA', postalCode: '94103' },
    },
    allegations: [{ type: 'overtime', periodStart: '2025-06-01', workersAffected: 4, ongoing: true }],
    prepWork: [],
    documents: [],
  };

  it('refuses a referral naming one worker twice, and a consent scope listed twice', () => {
    expect(ReferralSubmitted.schema.safeParse(referral).success).toBe(true);
    expect(ReferralSubmitted.schema.safeParse({ ...referral, workers: [worker, worker] }).success).toBe(
      false,
    );
    const twice = { ...worker, consent: { scopes: ['status', 'status'] } };
    expect(ReferralSubmitted.schema.safeParse({ ...referral, workers: [twice] }).success).toBe(false);
  });

  it('refuses a narrowing to nothing (that is a revocation) and an agreement that ends before it starts', () => {
    const base = { workerId: worker.workerId, version: 2, recordedAt: '2026-03-02T10:00:00Z' };
    expect(ConsentNarrowed.schema.safeParse({ ...base, scopes: [] }).success).toBe(false);
    expect(ConsentNarrowed.schema.safeParse({ ...base, scopes: ['status'] }).success).toBe(true);
    const draft = {
      type: 'mou',
      title: 'MOU',
      partnerIds: [referral.partnerId],
      agencyParty: 'Office of Labor Standards Enforcement',
      scope: ['referrals'],
      sharingLevel: 'status',
      effectiveOn: '2026-01-01',
      expiresOn: '2025-12-31',
      clauses: [{ clauseId: '1', title: 'Sharing', text: 'Status only.' }],
    };
    expect(AgreementDrafted.schema.safeParse(draft).success).toBe(false);
    expect(AgreementDrafted.schema.safeParse({ ...draft, expiresOn: '2028-01-01' }).success).toBe(true);
  });

  it('a disclosure names fields of the catalog only and never an empty set', () => {
    const shared = {
      partnerId: referral.partnerId,
      milestone: 'case_opened',
      fields: { status: 'case_opened' },
      withheldFields: ['caseNumber'],
      agreementId: '1c9f1c1e-3b0a-4e51-9a55-0c7f2b7e9a01',
      clauseVersion: 1,
      sharingLevel: 'status',
      consents: [{ workerId: worker.workerId, version: 1, scopes: ['status'] }],
      sharedAt: '2026-03-02T10:00:00Z',
    };
    expect(StatusSharedWithPartner.schema.safeParse(shared).success).toBe(true);
    expect(StatusSharedWithPartner.schema.safeParse({ ...shared, fields: {} }).success).toBe(false);
    expect(
      StatusSharedWithPartner.schema.safeParse({ ...shared, fields: { workerName: 'Ana' } }).success,
    ).toBe(false);
    expect(StatusSharedWithPartner.schema.safeParse({ ...shared, withheldFields: ['ssn'] }).success).toBe(
      false,
    );
    expect(DISCLOSABLE_FIELDS).toContain('backWagesAssessedCents');
  });
});
