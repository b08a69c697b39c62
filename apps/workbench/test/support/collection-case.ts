import type { CollectionCase } from '../../src/features/collection-case/collection-data';

// The collection-case component tests' case: ids, what each worker is owed, and the case and
// ledger as GET /api/v1/collections/{caseId}(/ledger) answer them.
export const CASE_ID = '0f8e3c1a-6b2d-4e5f-8a9b-1c2d3e4f5a6b';
// Worker ids in the order the allocation rule sorts them (ties go to the lower id).
export const ROSA = '11111111-1111-4111-8111-111111111111';
export const BEN = '22222222-2222-4222-8222-222222222222';
export const CRUZ = '33333333-3333-4333-8333-333333333333';
export const DIRECT = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const JOINT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

/** The case of the collections e2e test: Rosa $100.00, Ben $45.00, Cruz $415.00 owed. */
export const OWED = { [ROSA]: 10_000, [BEN]: 4_500, [CRUZ]: 41_500 };

export function collectionCase(over: Partial<CollectionCase> = {}): CollectionCase {
  const totals = {
    assessedCents: 56_000,
    outstandingCents: 56_000,
    collectedCents: 0,
    disbursedCents: 0,
    heldForUnlocatedCents: 0,
    transferredUnclaimedCents: 0,
    writtenOffCents: 0,
    undisbursedCents: 0,
  };
  return {
    caseId: CASE_ID,
    version: 3,
    status: 'open',
    caseNumber: 'LSE-2026-000042',
    office: 'SF-01',
    openedOn: '2026-05-01',
    determinationId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
    debtors: [
      { debtorId: DIRECT, name: 'Golden Gate Car Wash LLC', role: 'direct' },
      { debtorId: JOINT, name: 'Sparkle Staffing Inc', role: 'joint' },
    ],
    workers: [
      { workerId: ROSA, name: 'Rosa Planted', assessedCents: OWED[ROSA], confidentialityRequested: true },
      { workerId: BEN, name: 'Ben Open-Worker', assessedCents: OWED[BEN], confidentialityRequested: false },
      { workerId: CRUZ, name: 'Cruz Far-Away', assessedCents: OWED[CRUZ], confidentialityRequested: false },
    ],
    installments: [],
    totals,
    offers: [],
    orders: [],
    pastPlans: [],
    payments: [],
    escalations: [],
    defaults: [],
    unlocatedSince: {},
    ...over,
  };
}

export const ledger = {
  caseId: CASE_ID,
  version: 3,
  balanced: true,
  totals: collectionCase().totals,
  accounts: {},
  workers: Object.entries(OWED).map(([workerId, owed]) => ({
    ...collectionCase().totals,
    workerId,
    assessedCents: owed,
    outstandingCents: owed,
  })),
  postings: [],
};
