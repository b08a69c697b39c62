import { screen, within } from '@testing-library/react';
import { FoiaRequestPage } from '../../src/features/foia/FoiaRequestPage';
import type { FoiaPackage, FoiaRequestView } from '../../src/features/foia/foia-api';
import { RedactionReview } from '../../src/features/foia/RedactionReview';
import { json, mockApi, notFound } from '../support/mock-api';
import { renderRoute, renderWithApp, signIn } from '../support/render';

const AGREEMENT = '6c2d2f1b-9a6f-4d2e-8b62-1a4c3e8d7f02';
const PARTNER = '5b1c1e0a-8f5e-4c1d-9a51-0f3b2d7c6e01';
const CONTACT = 'b1b1b1b1-0000-4000-8000-000000000001';
const SHARED = 'b1b1b1b1-0000-4000-8000-000000000002';

const record = (eventId: string, type: string, data: Record<string, unknown>) => ({
  eventId,
  streamId: `x-${eventId}`,
  streamVersion: 1,
  type,
  recordedAt: '2026-03-01T16:00:00.000Z',
  data,
  metadata: {},
});

const pkg: FoiaPackage = {
  format: 'lse-foia-package/1',
  requestId: '9b2f6a52-5b8e-4d0e-9c55-0d6f1f2f0a11',
  jurisdiction: 'federal',
  law: '5 U.S.C. 552(b)',
  cutoff: '2026-03-02T17:00:00.000Z',
  cases: [],
  records: {
    agreements: [
      {
        agreementId: AGREEMENT,
        records: [record(CONTACT, 'ContactAdded', { contact: { name: '[WITHHELD (b)(6), (b)(7)(C) #1]' } })],
      },
    ],
    referralStatistics: [
      {
        partnerId: PARTNER,
        from: '2026-01-01',
        to: '2026-03-31',
        referrals: 7,
        workersReferred: 7,
        byStatus: {
          accepted: '[WITHHELD (b)(6), (b)(7)(C) #3]',
          declined: '[WITHHELD (b)(6), (b)(7)(C) #2]',
        },
        byChannel: { partner_referral: 7 },
      },
    ],
    disclosureLedger: [
      {
        partnerId: PARTNER,
        organization: 'Mission Worker Center',
        from: '2026-01-01',
        to: '2026-03-31',
        entries: [record(SHARED, 'StatusSharedWithPartner', { consents: [{ workerId: '[WITHHELD #4]' }] })],
      },
    ],
  },
  redactionLog: [
    {
      n: 1,
      record: { section: 'agreements', id: AGREEMENT },
      eventId: CONTACT,
      path: 'data.contact.name',
      classification: 'personal',
      exemptions: ['(b)(6)', '(b)(7)(C)'],
      released: false,
    },
    ...['byStatus.declined', 'byStatus.accepted'].map((path, i) => ({
      n: i + 2,
      record: { section: 'referral_statistics' as const, id: PARTNER },
      path,
      classification: 'personal',
      exemptions: ['(b)(6)', '(b)(7)(C)'],
      released: false,
    })),
    {
      n: 4,
      record: { section: 'disclosure_ledger', id: PARTNER },
      eventId: SHARED,
      path: 'data.consents.0.workerId',
      classification: 'personal',
      exemptions: ['(b)(6)', '(b)(7)(C)'],
      released: false,
    },
  ],
  exemptions: { '(b)(6)': 'privacy', '(b)(7)(C)': 'privacy in law-enforcement records' },
  summary: { records: 2, withheld: 4, released: 0 },
};

describe('the review of records named besides cases', () => {
  it('lists each record section with its withheld fields and counts, boxes only, no override', async () => {
    await renderWithApp(<RedactionReview pkg={pkg} override={undefined} />);
    const section = screen.getByRole('region', { name: 'Other records' });
    expect(within(section).getByText(`Agreement ${AGREEMENT}`)).toBeTruthy();
    expect(within(section).getByText(/^Disclosures to Mission Worker Center/)).toBeTruthy();
    const paths = within(section)
      .getAllByTestId('redaction')
      .map((row) => row.getAttribute('data-path'));
    expect(paths).toEqual([
      'data.contact.name',
      'byStatus.declined',
      'byStatus.accepted',
      'data.consents.0.workerId',
    ]);
    expect(
      within(section)
        .getAllByTestId('redaction-box')
        .map((b) => b.textContent),
    ).toEqual(
      [1, 2, 3, 4].map((n) => `Withheld (b)(6), (b)(7)(C) #${n}Withheld field ${n}, under (b)(6), (b)(7)(C)`),
    );
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('speaks Spanish', async () => {
    await renderWithApp(<RedactionReview pkg={pkg} />, { language: 'es' });
    expect(screen.getByRole('region', { name: 'Otros registros' })).toBeTruthy();
    expect(screen.getByText(/^Divulgaciones a Mission Worker Center/)).toBeTruthy();
  });
});

describe('a request naming records', () => {
  it('lists them among its facts', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    const view: FoiaRequestView = {
      requestId: pkg.requestId,
      version: 1,
      status: 'received',
      lifecycle: { clarifications: [], releases: [] },
      request: {
        requester: { name: 'Rita Reporter' },
        description: "The center's agreement and disclosures.",
        caseIds: [],
        records: [
          { kind: 'agreement', agreementId: AGREEMENT },
          { kind: 'disclosure_ledger', partnerId: PARTNER, from: '2026-01-01', to: '2026-03-31' },
        ],
        jurisdiction: 'federal',
        receivedAt: '2026-03-01T18:00:00.000Z',
      },
      compilations: [],
      redactionSets: [],
      overrides: [],
      clock: {
        countedIn: 'business',
        dueOn: '2026-03-27',
        daysLeft: 20,
        overdue: false,
        tolled: false,
        extended: false,
      },
    };
    mockApi((call) =>
      call.method === 'GET' && call.path === `/api/v1/foia-requests/${pkg.requestId}`
        ? json(200, view, { etag: '"1"' })
        : notFound(call),
    );
    renderRoute(<FoiaRequestPage />, { route: '/foia/:requestId', path: `/foia/${pkg.requestId}` });
    const list = await screen.findByTestId('requested-records');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `Agreement ${AGREEMENT}`,
      `Disclosure ledger of partner ${PARTNER}, 2026-01-01 to 2026-03-31`,
    ]);
  });
});
