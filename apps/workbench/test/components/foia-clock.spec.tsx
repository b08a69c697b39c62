import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FoiaQueuePage } from '../../src/features/foia/FoiaQueuePage';
import { FoiaRequestPage } from '../../src/features/foia/FoiaRequestPage';
import type { FoiaRequestItem, FoiaRequestView } from '../../src/features/foia/foia-api';
import { json, mockApi, notFound } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const REQUEST = '9b2f6a52-5b8e-4d0e-9c55-0d6f1f2f0a12';
const LATE = '9b2f6a52-5b8e-4d0e-9c55-0d6f1f2f0a13';
const CASE = '3f2b1c7e-8a4d-4e2f-9b1a-5c6d7e8f9a01';

function view(clock: Partial<FoiaRequestView['clock']> = {}, version = 1): FoiaRequestView {
  return {
    requestId: REQUEST,
    version,
    status: 'received',
    lifecycle: { clarifications: [], releases: [] },
    request: {
      requester: { name: 'Rita Reporter' },
      description: 'The car wash case.',
      caseIds: [CASE],
      jurisdiction: 'federal',
      receivedAt: '2026-06-01T15:00:00.000Z',
    },
    compilations: [],
    redactionSets: [],
    overrides: [],
    clock: {
      countedIn: 'business',
      dueOn: '2026-06-30',
      daysLeft: 12,
      overdue: false,
      tolled: false,
      extended: false,
      ...clock,
    },
  };
}

const item = (requestId: string, clock: Partial<FoiaRequestItem>): FoiaRequestItem => ({
  requestId,
  status: 'received',
  releases: 0,
  caseIds: [CASE],
  receivedAt: '2026-06-01T15:00:00.000Z',
  overrides: 0,
  version: 1,
  queuePosition: `0:${clock.dueOn}`,
  countedIn: 'business',
  overdue: false,
  tolled: false,
  ...clock,
});

describe("a FOIA request's clock", () => {
  it('the queue shows the due date, the days left and marks the overdue, in the order the API gives', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    mockApi((call) =>
      call.method === 'GET'
        ? json(200, {
            items: [
              item(LATE, { dueOn: '2026-06-01', daysLeft: -3, overdue: true }),
              item(REQUEST, { dueOn: '2026-06-30', daysLeft: 12 }),
            ],
            nextCursor: null,
          })
        : notFound(call),
    );
    renderRoute(<FoiaQueuePage />, { route: '/foia', path: '/foia' });
    const overdue = await screen.findByTestId('overdue');
    expect(overdue.textContent).toBe('Overdue by 3 working days');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('Overdue by 3 working days');
    expect(rows[1]!.textContent).toContain('12 working days left');
    expect(
      screen.getByText('Overdue and soonest due first, then stopped clocks, then released.'),
    ).toBeTruthy();
  });

  it('stops the clock with a reason (required) at the version shown, then resumes it', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    let current = view();
    const calls = mockApi((call) => {
      if (call.method === 'GET') return json(200, current);
      if (call.path.endsWith('/tolling')) {
        current = view(
          {
            tolled: true,
            dueOn: undefined,
            tolling: { reason: 'awaiting_fee_payment', tolledOn: '2026-06-10', daysLeft: 12 },
          },
          2,
        );
        return json(200, { requestId: REQUEST, version: 2 });
      }
      if (call.path.endsWith('/resumption')) {
        current = view({ dueOn: '2026-07-06' }, 3);
        return json(200, { requestId: REQUEST, version: 3 });
      }
      return notFound(call);
    });
    const user = userEvent.setup();
    renderRoute(<FoiaRequestPage />, { route: '/foia/:requestId', path: `/foia/${REQUEST}` });
    expect((await screen.findByTestId('due-on')).textContent).toMatch(/2026/);
    expect(screen.getByText('12 working days left')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Stop the clock' }));
    expect(screen.getByText('Choose why the clock stops.')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/tolling'))).toBe(false);

    await user.selectOptions(screen.getByLabelText('Why the clock stops'), 'awaiting_fee_payment');
    await user.click(screen.getByRole('button', { name: 'Stop the clock' }));
    await screen.findByText('12 working days kept while stopped');
    const toll = calls.find((c) => c.path.endsWith('/tolling'))!;
    expect(toll.body).toEqual({ reason: 'awaiting_fee_payment' });
    expect(toll.headers.get('If-Match')).toBe('"1"');
    expect(screen.getByText(/Waiting for the requester to pay or agree to fees/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Extend the time limit' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Resume the clock' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Resume the clock' })).toBeNull());
    expect(calls.find((c) => c.path.endsWith('/resumption'))!.headers.get('If-Match')).toBe('"2"');
  });

  it('extends once for an unusual circumstance', async () => {
    signIn('foia_officer', 'fiona@agency.gov');
    let current = view();
    const calls = mockApi((call) => {
      if (call.method === 'GET') return json(200, current);
      if (call.path.endsWith('/extension')) {
        current = view({ extended: true, dueOn: '2026-07-15', daysLeft: 22 }, 2);
        return json(200, { requestId: REQUEST, version: 2 });
      }
      return notFound(call);
    });
    const user = userEvent.setup();
    renderRoute(<FoiaRequestPage />, { route: '/foia/:requestId', path: `/foia/${REQUEST}` });
    await user.selectOptions(await screen.findByLabelText('Unusual circumstance'), 'voluminous_records');
    await user.click(screen.getByRole('button', { name: 'Extend the time limit' }));
    await screen.findByText('Extended once (the law allows one)');
    expect(calls.find((c) => c.path.endsWith('/extension'))!.body).toEqual({
      circumstance: 'voluminous_records',
    });
    expect(screen.queryByRole('button', { name: 'Extend the time limit' })).toBeNull();
  });
});
