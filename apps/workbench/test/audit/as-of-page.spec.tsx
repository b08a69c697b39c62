import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AsOfPage } from '../../src/features/audit/AsOfPage';
import { json, mockApi, notFound } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const CASE_ID = '0b6a3c1e-5d4f-4e2a-9c8b-7a6f5e4d3c2b';
const T0 = '2026-12-06T16:00:00.000Z';
const T1 = '2026-12-06T16:00:02.250Z';
const T2 = '2026-12-06T16:07:30.000Z';

const entry = (n: number, type: string, recordedAt: string, category: string, sourceService: string) => ({
  position: n,
  eventId: `00000000-0000-4000-8000-00000000000${n}`,
  streamId: `${category}-${CASE_ID}`,
  category,
  streamVersion: n,
  type,
  actor: { id: 'sue.supervisor', role: 'supervisor' },
  occurredAt: recordedAt,
  recordedAt,
  correlationId: `c-${n}`,
  sourceService,
});
const HISTORY = [
  entry(1, 'ComplaintReceived', T0, 'complaint', 'intake'),
  entry(2, 'DeterminationProposed', T1, 'investigation', 'investigation'),
  entry(3, 'DeterminationIssued', T2, 'investigation', 'investigation'),
  // A read of the case changes nothing in it: no stop of the time control, no "since" line.
  entry(4, 'RecordAccessed', '2026-12-06T16:09:00.000Z', 'access', 'audit'),
];
const complaint = {
  streamId: `complaint-${CASE_ID}`,
  category: 'complaint',
  version: 4,
  state: { caseNumber: 'LSE-2026-000042', status: 'opened' },
};
const investigation = (issuedAt?: string) => ({
  streamId: `investigation-${CASE_ID}`,
  category: 'investigation',
  version: issuedAt ? 9 : 8,
  state: {
    status: 'open',
    investigation: { determination: { totalCents: 17200, ...(issuedAt ? { issuedAt } : {}) } },
  },
});
const state = (asOf: string, streams: unknown[]) => ({
  caseId: CASE_ID,
  asOf,
  open: true,
  events: streams.length,
  streams,
  chain: { ok: true },
});

function gateway() {
  return mockApi((call) => {
    if (call.path === `/api/v1/cases/${CASE_ID}/history`)
      return json(200, { items: HISTORY, nextCursor: null });
    if (call.path === `/api/v1/cases/${CASE_ID}/state`) {
      const asOf = call.query.get('asOf');
      if (!asOf) return json(200, state('2026-12-06T17:00:00.000Z', [complaint, investigation(T2)]));
      return json(
        200,
        state(
          asOf,
          asOf >= T2
            ? [complaint, investigation(T2)]
            : asOf >= T1
              ? [complaint, investigation()]
              : [complaint],
        ),
      );
    }
    return notFound(call);
  });
}

/** A row of the then/now comparison by its field's path (its header cell's text). */
const findFieldRow = (path: string) =>
  waitFor(() => {
    const row = screen.getAllByRole('row').find((r) => r.querySelector('th')?.textContent === path);
    if (!row) throw new Error(`no row for ${path}`);
    return row;
  });

const at = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search).get('at');

describe('the case as of an instant', () => {
  beforeEach(() => signIn('auditor'));

  it('opens at the latest event, steps back with the control to before the determination, and marks what changed since', async () => {
    const calls = gateway();
    const { router } = renderRoute(<AsOfPage />, {
      route: '/audit/cases/:caseId/as-of',
      path: `/audit/cases/${CASE_ID}/as-of`,
    });
    const slider = await screen.findByRole('slider', { name: "Move through the case's events" });
    await waitFor(() => expect(at(router)).toBeNull());
    expect((slider as HTMLInputElement).value).toBe('2');
    expect(slider.getAttribute('aria-valuetext')).toEqual(
      expect.stringContaining('Event 3 of 3: Determination issued'),
    );
    expect(
      await screen.findByText('Nothing has happened since: this is the case as it is now.'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'LSE-2026-000042 as of an instant' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Previous event' }));
    expect(at(router)).toBe(T1);
    expect((slider as HTMLInputElement).value).toBe('1');
    const issued = await findFieldRow('investigation.determination.issuedAt');
    expect(within(issued).getByText('Added since')).toBeTruthy();
    expect(within(issued).getByText('(not there)')).toBeTruthy();
    // Money fields read as money, with the stored cents beside them.
    await userEvent.click(screen.getByLabelText('Also show the fields that have not changed'));
    const total = await findFieldRow('investigation.determination.totalCents');
    expect(within(total).getAllByText('$172.00')).toHaveLength(2);
    expect(within(total).getByText('Unchanged')).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('all')).toBe('1');
    const since = screen.getByRole('heading', { name: 'What happened since (1 event)' });
    expect(since.nextElementSibling?.textContent).toContain('Determination issued');
    expect(screen.getByRole('heading', { name: /Investigation/, level: 3 }).textContent).toContain(
      'Changed since',
    );

    // The slider itself, to the first event: the investigation had not begun.
    fireEvent.change(slider, { target: { value: '0' } });
    expect(at(router)).toBe(T0);
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: /Investigation/, level: 3 }).textContent).toContain(
        'Added since',
      ),
    );
    expect(calls.some((c) => c.query.get('asOf') === T0)).toBe(true);
    // One replay per instant settled on, and the present once.
    expect(calls.filter((c) => c.path.endsWith('/state') && !c.query.get('asOf'))).toHaveLength(1);
  });

  it('takes any instant typed in, and says so when the case did not exist yet', async () => {
    gateway();
    const { router } = renderRoute(<AsOfPage />, {
      route: '/audit/cases/:caseId/as-of',
      path: `/audit/cases/${CASE_ID}/as-of?at=${encodeURIComponent(T2)}`,
    });
    const typed = await screen.findByLabelText('Or any instant');
    fireEvent.change(typed, { target: { value: '2020-01-01T00:00:00.000' } });
    await userEvent.click(screen.getByRole('button', { name: 'Show the case then' }));
    expect(at(router)).toBe(new Date('2020-01-01T00:00:00.000').toISOString());
    expect(await screen.findByRole('heading', { name: 'The case did not exist yet' })).toBeTruthy();
    expect(screen.getByRole('slider').getAttribute('aria-valuetext')).toEqual(
      "Before the case's first event",
    );
    fireEvent.change(typed, { target: { value: '' } });
    await userEvent.click(screen.getByRole('button', { name: 'Show the case then' }));
    expect(screen.getByText('Enter a complete date and time.')).toBeTruthy();
  });

  it("is the auditor's alone", async () => {
    signIn('investigator');
    gateway();
    renderRoute(<AsOfPage />, { route: '/audit/cases/:caseId/as-of', path: `/audit/cases/${CASE_ID}/as-of` });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).not.toContain('as of an instant');
    expect(screen.queryByRole('slider')).toBeNull();
  });
});
