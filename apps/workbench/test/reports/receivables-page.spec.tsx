import { screen, within } from '@testing-library/react';
import { ReceivablesPage } from '../../src/features/receivables/ReceivablesPage';
import { json, mockApi, notFound } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const CASE = '0b9c2f0e-5d1a-4c55-9a57-2f4f6f2d1a01';
const receivable = {
  caseId: CASE,
  caseNumber: 'LSE-2026-000042',
  office: 'SF-01',
  industry: '72',
  debtorNames: 'Golden Gate Diner LLC',
  planStatus: 'active',
  agingFrom: '2026-05-01',
  ageDays: 45,
  bucket: '31-60',
  assessedCents: 200_000,
  collectedCents: 50_000,
  writtenOffCents: 0,
  outstandingCents: 150_000,
};
const installment = {
  caseId: CASE,
  caseNumber: 'LSE-2026-000042',
  office: 'SF-01',
  debtorNames: 'Golden Gate Diner LLC',
  planId: '0b9c2f0e-5d1a-4c55-9a57-2f4f6f2d1a02',
  installmentNo: 2,
  dueOn: '2026-06-10',
  amountCents: 100_000,
  paidCents: 25_000,
  remainingCents: 75_000,
};

describe('receivables', () => {
  it('sends the office and industry of the URL to every list and links each row to its collection case', async () => {
    signIn('collections_officer');
    const calls = mockApi((call) => {
      if (call.path === '/api/v1/collection-reports/receivables')
        return json(200, { items: [receivable], nextCursor: null });
      if (call.path === '/api/v1/collection-reports/installments-due')
        return json(200, {
          items: call.query.get('status') === 'missed' ? [installment] : [],
          nextCursor: null,
        });
      if (call.path === '/api/v1/collection-reports/defaults')
        return json(200, { items: [], nextCursor: null });
      if (call.path === '/api/v1/collection-reports/collection-rate')
        return json(200, {
          groups: [
            { group: '2026-05', cases: 1, assessedCents: 200_000, collectedCents: 50_000, rate: 0.25 },
          ],
        });
      return notFound(call);
    });
    renderRoute(<ReceivablesPage />, {
      route: '/collections',
      path: '/collections?office=SF-01&industry=72',
    });

    const table = await screen.findByRole('table', { name: /Open receivables by aging/ });
    expect(await within(table).findByRole('link', { name: 'LSE-2026-000042' })).toHaveProperty(
      'href',
      expect.stringContaining(`/collections/${CASE}`),
    );
    expect(within(table).getByText('$1,500.00')).toBeTruthy();
    expect(within(table).getByText('31-60 days')).toBeTruthy();
    const missed = await screen.findByRole('table', { name: /recorded missed/ });
    expect(await within(missed).findByText('$750.00')).toBeTruthy();
    await screen.findByRole('img', { name: /Collection rate by month/ });

    for (const path of ['receivables', 'installments-due', 'defaults', 'collection-rate']) {
      const call = calls.find((c) => c.path === `/api/v1/collection-reports/${path}`);
      expect([path, call?.query.get('office'), call?.query.get('industry')]).toEqual([path, 'SF-01', '72']);
    }
    expect(
      calls
        .filter((c) => c.path.endsWith('installments-due'))
        .map((c) => c.query.get('status'))
        .sort(),
    ).toEqual(['due', 'missed']);
  });

  it('shows a role without the receivables that it may not see them, and asks nothing', async () => {
    signIn('investigator');
    const calls = mockApi(notFound);
    renderRoute(<ReceivablesPage />, { route: '/collections', path: '/collections' });
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/v1/collection-reports'))).toEqual([]);
  });
});
