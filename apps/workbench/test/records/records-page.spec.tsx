import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RecordsPage } from '../../src/features/records/RecordsPage';
import { json, mockApi, notFound } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const HELD = '0b9c2f0e-5d1a-4c55-9a57-2f4f6f2d1a01';
const DUE = '0b9c2f0e-5d1a-4c55-9a57-2f4f6f2d1a02';
const HOLD = '0b9c2f0e-5d1a-4c55-9a57-2f4f6f2d1a03';
const schedule = {
  version: '2026-12-agency-1',
  recordType: 'investigation_case',
  retainYears: 6,
  disposition: 'erase_personal_data',
  authority: 'agency policy',
};
const items = [
  {
    recordType: 'investigation_case',
    recordId: HELD,
    caseId: HELD,
    closedOn: '2019-03-01',
    dueOn: '2025-03-01',
    schedule,
    status: 'held',
    holds: [
      { holdId: HOLD, matterId: 'Doe v. Acme, No. 3:26-cv-00412', placedAt: '2026-12-01T10:00:00.000Z' },
    ],
  },
  {
    recordType: 'investigation_case',
    recordId: DUE,
    caseId: DUE,
    closedOn: '2019-04-15',
    dueOn: '2025-04-15',
    schedule,
    status: 'due',
    holds: [],
  },
];
const report = {
  reviewId: '0b9c2f0e-5d1a-4c55-9a57-2f4f6f2d1a04',
  asOf: '2026-12-06',
  scheduleVersion: '2026-12-agency-1',
  completedAt: '2026-12-06T10:00:00.000Z',
  counts: { pastRetention: 2, due: 1, held: 1, recorded: 1, failed: 0 },
  due: [{ recordType: 'investigation_case', recordId: DUE }],
  held: [{ recordType: 'investigation_case', recordId: HELD, holdIds: [HOLD] }],
  version: 1,
};

describe('records retention', () => {
  it('says no review has run yet, runs one, and shows its counts; lists held and due records with the holds', async () => {
    signIn('auditor');
    let ran = false;
    const calls = mockApi((call) => {
      if (call.path === '/api/v1/retention/reports/latest')
        return ran
          ? json(200, report)
          : json(404, { type: 'x', title: 'Not found', status: 404, detail: 'None yet.' });
      if (call.path === '/api/v1/retention/due') return json(200, { items, nextCursor: null });
      if (call.path === '/api/v1/retention/reviews' && call.method === 'POST') {
        ran = true;
        return json(201, report);
      }
      return notFound(call);
    });
    renderRoute(<RecordsPage />, { route: '/records', path: '/records' });

    await screen.findByText(/No retention review has run yet/);
    const table = await screen.findByRole('table', { name: /Records past their retention period/ });
    const held = within(table).getByRole('link', { name: HELD }).closest('tr')!;
    expect(within(held).getByText('Held')).toBeTruthy();
    expect(within(held).getByText(/Doe v\. Acme/)).toBeTruthy();
    expect(within(held).getByText('6 years after closing (agency policy)')).toBeTruthy();
    const due = within(table).getByRole('link', { name: DUE }).closest('tr')!;
    expect(within(due).getByText('Due')).toBeTruthy();
    expect(within(due).getByText('None')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Run the retention review now' }));
    await screen.findByText('Review completed: 1 new dispositions recorded as due.');
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/retention/reviews')).toBe(true);
    const facts = screen.getByText('Held by a legal hold').closest('div')!;
    expect(within(facts).getByText('1')).toBeTruthy();
  });

  it('shows a supervisor the latest report and the review button; an empty list says so', async () => {
    signIn('supervisor');
    mockApi((call) => {
      if (call.path === '/api/v1/retention/reports/latest') return json(200, report);
      if (call.path === '/api/v1/retention/due') return json(200, { items: [], nextCursor: null });
      return notFound(call);
    });
    renderRoute(<RecordsPage />, { route: '/records', path: '/records' });
    await screen.findByText('No record is past its retention period today.');
    expect(screen.getByRole('button', { name: 'Run the retention review now' })).toBeTruthy();
    expect(screen.getByText('2026-12-agency-1')).toBeTruthy();
  });

  it("shows a case's holds from the URL, places one and lifts one with If-Match", async () => {
    signIn('supervisor');
    const hold = {
      holdId: HOLD,
      matterId: 'Doe v. Acme, No. 3:26-cv-00412',
      reason: 'Suit filed.',
      orderedBy: 'Office of the Solicitor',
      scope: 'case',
      placedAt: '2026-12-01T10:00:00.000Z',
      status: 'held',
    };
    const calls = mockApi((call) => {
      if (call.path === '/api/v1/retention/reports/latest') return json(200, report);
      if (call.path === '/api/v1/retention/due') return json(200, { items: [], nextCursor: null });
      if (call.path === `/api/v1/cases/${HELD}/legal-holds` && call.method === 'GET')
        return json(200, { caseId: HELD, version: 1, held: true, holds: [hold] });
      if (call.path === `/api/v1/cases/${HELD}/legal-holds` && call.method === 'POST')
        return json(201, { caseId: HELD, holdId: DUE, version: 2 });
      if (call.path === `/api/v1/cases/${HELD}/legal-holds/${HOLD}/lift`)
        return json(200, { caseId: HELD, holdId: HOLD, version: 2 });
      return notFound(call);
    });
    renderRoute(<RecordsPage />, { route: '/records', path: `/records?caseId=${HELD}` });

    await screen.findByText('This case is under a legal hold: nothing of it will be erased.');
    expect(screen.getByText('Doe v. Acme, No. 3:26-cv-00412')).toBeTruthy();
    expect(screen.getByText('In effect')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Matter/), { target: { value: 'EEOC charge 555' } });
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Charge filed.' } });
    fireEvent.change(screen.getByLabelText(/^Ordered by/), { target: { value: 'Counsel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place the hold' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/legal-holds'))).toBe(true),
    );
    const placed = calls.find((c) => c.method === 'POST' && c.path.endsWith('/legal-holds'))!;
    expect(placed.body).toEqual({
      matterId: 'EEOC charge 555',
      reason: 'Charge filed.',
      orderedBy: 'Counsel',
    });
    expect(placed.headers.get('if-match')).toBe('"1"');

    fireEvent.change(screen.getByLabelText(/^Why the hold is lifted/), { target: { value: 'Settled.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lift this hold' }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/lift'))).toBe(true));
    expect(calls.find((c) => c.path.endsWith('/lift'))!.body).toEqual({ reason: 'Settled.' });
  });

  it('says what a case id looks like when the URL holds something else, asking nothing', async () => {
    signIn('auditor');
    const calls = mockApi((call) => {
      if (call.path === '/api/v1/retention/reports/latest') return json(200, report);
      if (call.path === '/api/v1/retention/due') return json(200, { items: [], nextCursor: null });
      return notFound(call);
    });
    renderRoute(<RecordsPage />, { route: '/records', path: '/records?caseId=LSE-2026-000042' });
    await screen.findByText(/Enter a case id/);
    expect(calls.some((c) => c.path.includes('legal-holds'))).toBe(false);
  });
});
