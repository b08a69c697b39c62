import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseFilePage } from '../../src/features/case-file/CaseFilePage';
import { CASE_ID, investigationView } from '../support/investigation-view';
import { json, mockApi, notFound, problem, type RecordedCall } from '../support/mock-api';
import { renderTab, signInAs } from '../support/render-tab';

// The registry finds the tabs with Vite's import.meta.glob, which Jest has not: the same folders here.
jest.mock('../../src/features/case-file/tab-registry', () => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  const dir = `${__dirname}/../../src/features/case-file/tabs`;
  const tabs = readdirSync(dir).map((id) => (require(`${dir}/${id}`) as { tab: { order: number } }).tab);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { CASE_FILE_TABS: tabs.sort((a, b) => a.order - b.order) };
});

const DAY = 86_400_000;
const openedAt = new Date(Date.now() - 3 * DAY - 60_000).toISOString();
const COMPUTATION = '6faaa7bf-2047-5928-9b27-7ab088780cd0';
const entry = {
  caseId: CASE_ID,
  caseNumber: 'LSE-2026-000002',
  employerName: 'La Palma Taquería Inc.',
  status: 'under_investigation',
  statusChangedAt: openedAt,
  statusHistory: [{ status: 'under_investigation', at: openedAt }],
  priority: 'P2',
  office: 'SF-01',
  openedAt,
  listedAt: openedAt,
};
const computation = {
  computationId: COMPUTATION,
  ruleSets: [{ id: 'US-FLSA', version: '2009-07-24' }],
  recordSetIds: [],
  rerunOf: null,
  filingDate: '2026-12-01',
  willful: false,
  excludedWorkweeks: 0,
  totals: {
    minimumWageCents: 3500,
    overtimeCents: 26250,
    unpaidWagesCents: 29750,
    liquidatedDamagesCents: 29750,
    totalCents: 59500,
  },
  traceSha256: 'a'.repeat(64),
  recordedAt: openedAt,
  recordedBy: 'ines@agency.gov',
};
const history = {
  items: [
    event(1, 'ComplaintReceived', { id: 'olga@agency.gov', role: 'intake_officer' }, 'intake'),
    event(2, 'InvestigationOpened', { id: 'service:investigation', role: 'system' }, 'investigation'),
    event(3, 'SomethingNewlyInvented', { id: 'sue@agency.gov', role: 'supervisor' }, 'investigation'),
  ],
  nextCursor: null,
};

function event(position: number, type: string, actor: { id: string; role: string }, sourceService: string) {
  return {
    position,
    eventId: `00000000-0000-4000-8000-00000000000${position}`,
    streamId: `x-${CASE_ID}`,
    category: 'x',
    streamVersion: position,
    type,
    actor,
    occurredAt: openedAt,
    recordedAt: openedAt,
    correlationId: '00000000-0000-4000-8000-000000000000',
    sourceService,
  };
}

/** The gateway for one case: each GET the case file makes, and what `post` answers to a POST. */
function gateway(view: ReturnType<typeof investigationView> | null, post?: (call: RecordedCall) => Response) {
  return mockApi((call) => {
    if (call.method === 'POST') return post ? post(call) : notFound(call);
    switch (call.path) {
      case `/api/v1/cases/${CASE_ID}/investigation`:
        return view ? json(200, view, { etag: `"${view.version}"` }) : notFound(call);
      case '/api/v1/cases':
        return json(200, {
          items: call.query.get('caseNumber') === entry.caseNumber ? [entry] : [],
          nextCursor: null,
        });
      case `/api/v1/complaints/${CASE_ID}`:
        return json(200, {
          caseId: CASE_ID,
          version: 5,
          status: 'opened',
          caseNumber: entry.caseNumber,
          complaint: { employer: { name: entry.employerName }, complainants: [] },
        });
      case `/api/v1/cases/${CASE_ID}/history`:
        return json(200, history);
      case '/api/v1/investigations/workload':
        return json(200, { items: [], nextCursor: null });
      default:
        return notFound(call);
    }
  });
}

function renderCaseFile(tab = 'timeline', language: 'en' | 'es' = 'en') {
  return renderTab(<CaseFilePage />, { path: `/cases/${CASE_ID}/${tab}`, language });
}

function summary(name: string): string {
  return screen.getByTestId(`summary-${name}`).querySelector('dd')!.textContent ?? '';
}

describe('the case file', () => {
  it('sums the case up for a supervisor from the investigation and the case index', async () => {
    gateway(
      investigationView({
        openedAt,
        investigatorId: null,
        computations: [computation],
        latestComputationId: COMPUTATION,
      }),
    );
    signInAs('supervisor', 'sue@agency.gov');
    renderCaseFile();
    expect(await screen.findByRole('heading', { level: 1, name: 'Case LSE-2026-000002' })).toBeTruthy();
    await waitFor(() => expect(summary('status')).toBe('Under investigation'));
    expect(summary('employers')).toBe('La Palma Taquería Inc.');
    expect(summary('priority')).toBe('P2');
    expect(summary('investigator')).toBe('Unassigned');
    expect(summary('days-open')).toBe('3');
    expect(summary('assessed')).toBe('$595.00latest computation');
    // No determination issued: the case is not in collections, and nobody asked.
    expect(summary('collected')).toBe('Not in collections');
    const nav = screen.getByRole('navigation', { name: 'Case file sections' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(
      expect.arrayContaining([
        'Timeline',
        'Interviews',
        'Evidence',
        'Hours and wages',
        'Retaliation concerns',
      ]),
    );
  });

  it('shows an intake officer what the role may read, and says the rest is not visible', async () => {
    const calls = gateway(investigationView());
    signInAs('intake_officer', 'olga@agency.gov');
    renderCaseFile();
    expect(await screen.findByRole('heading', { level: 1, name: 'Case LSE-2026-000002' })).toBeTruthy();
    expect(
      screen.getByText(
        /Your role does not see the investigation; these roles do: investigator, supervisor, and auditor/,
      ),
    ).toBeTruthy();
    expect(summary('investigator')).toBe('Not visible to your role');
    expect(summary('collected')).toBe('Not visible to your role');
    const nav = screen.getByRole('navigation', { name: 'Case file sections' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Timeline']);
    expect(calls.some((c) => c.path.endsWith('/investigation'))).toBe(false);
  });

  it('lists every event in words, with a raw type where no words exist yet, who and when', async () => {
    gateway(investigationView());
    signInAs('supervisor', 'sue@agency.gov');
    renderCaseFile('timeline', 'es');
    const table = await screen.findByRole('table', { name: /Todo lo que ocurrió/ });
    await within(table).findByText('Queja recibida');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual([
      'Queja recibida',
      'Investigación abierta',
      'SomethingNewlyInvented',
    ]);
    expect(within(rows[0]!).getAllByRole('cell')[3]!.textContent).toBe('olga@agency.govoficial de admisión');
    expect(within(rows[1]!).getAllByRole('cell')[3]!.textContent).toBe('service:investigationel sistema');
  });

  it('lets a supervisor assign the investigator with the If-Match of the case shown; a stale one is explained and the form kept', async () => {
    let conflict = true;
    const posts: RecordedCall[] = [];
    const calls = gateway(investigationView({ investigatorId: null }), (call) => {
      posts.push(call);
      if (conflict)
        return problem(409, {
          title: 'Conflict',
          detail: `stream investigation-${CASE_ID} is at version 8, expected 7`,
        });
      return json(200, {
        caseId: CASE_ID,
        version: 8,
        status: 'open',
        events: ['InvestigatorAssigned'],
        replayed: false,
      });
    });
    signInAs('supervisor', 'sue@agency.gov');
    const user = userEvent.setup();
    renderCaseFile();
    const form = await screen.findByRole('form', { name: 'Assign an investigator' });
    await user.type(within(form).getByLabelText(/Investigator's user ID/), 'ines@agency.gov');
    await user.type(within(form).getByLabelText('Reason'), 'Speaks Spanish');
    await user.click(within(form).getByRole('button', { name: 'Assign' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this case');
    expect(posts[0]!.path).toBe(`/api/v1/cases/${CASE_ID}/investigation/assignment`);
    expect(posts[0]!.body).toEqual({ investigatorId: 'ines@agency.gov', reason: 'Speaks Spanish' });
    expect(posts[0]!.headers.get('If-Match')).toBe('"7"');
    const reads = calls.filter((c) => c.path.endsWith('/investigation')).length;
    await user.click(within(alert).getByRole('button', { name: 'Reload the case' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.path.endsWith('/investigation')).length).toBe(reads + 1),
    );
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(within(form).getByLabelText<HTMLInputElement>(/Investigator's user ID/).value).toBe(
      'ines@agency.gov',
    );

    conflict = false;
    await user.click(within(form).getByRole('button', { name: 'Assign' }));
    expect((await screen.findByRole('status')).textContent).toBe('Assigned to ines@agency.gov.');
    expect(posts[1]!.headers.get('Idempotency-Key')).not.toBe(posts[0]!.headers.get('Idempotency-Key'));
  });

  it('says when the investigation is not open yet', async () => {
    gateway(null);
    signInAs('investigator', 'ines@agency.gov');
    renderCaseFile('evidence');
    expect(await screen.findByRole('heading', { name: 'The investigation is not open yet' })).toBeTruthy();
    expect(screen.getByText('There is no investigation to show here (see the notice above).')).toBeTruthy();
  });
});
