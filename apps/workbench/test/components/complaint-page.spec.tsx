import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComplaintPage } from '../../src/features/complaints/ComplaintPage';
import type { Role } from '../../src/auth/session';
import { json, mockApi, notFound, problem, type RecordedCall } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const CASE_ID = '5d0c6f2e-8a41-4b7e-9f3a-2c1d0e9b8a76';
const OTHER_ID = '7e2b1a90-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

const TRIAGE = {
  score: 55,
  priority: 'P2',
  factors: [
    { factor: 'workers_affected', points: 10, explanation: '6 workers affected.' },
    {
      factor: 'severity',
      points: 10,
      explanation: 'Most serious allegation: tip_theft (alleged: tip_theft).',
    },
    { factor: 'jurisdiction', points: 10, explanation: 'Within jurisdiction under FLSA.' },
    { factor: 'ongoing', points: 15, explanation: '1 allegation is ongoing.' },
    {
      factor: 'repeat_violator',
      points: 0,
      explanation: 'No earlier case with violations found against this employer.',
    },
    {
      factor: 'high_violation_industry',
      points: 10,
      explanation: 'NAICS 722513 is in a targeted high-violation industry (restaurants).',
    },
    { factor: 'limitations_remaining', points: 5, explanation: '300 days of limitation time left.' },
    {
      factor: 'resource_intensity',
      points: -5,
      explanation: 'medium resource intensity (estimated from workers and allegations).',
    },
    { factor: 'new_factor_from_a_later_release', points: -5, explanation: 'Shown under its own name.' },
  ],
};

function complaint(version: number, extra: Record<string, unknown> = {}) {
  return {
    caseId: CASE_ID,
    version,
    status: 'received',
    complaint: {
      channel: 'hotline',
      receivedAt: '2026-12-06T21:54:00Z',
      office: 'SF-01',
      complainants: [
        {
          complainantId: '2b6410c8-a5cd-5482-b3a9-b4d7350054c1',
          name: 'Rosa Itzel Quispe',
          preferredLanguage: 'es',
          interpreterNeeded: true,
          confidentialityRequested: false,
          role: 'worker',
        },
        {
          complainantId: '32715d49-e316-5dee-924e-0e1fb2a888cc',
          preferredLanguage: 'mam',
          interpreterNeeded: false,
          confidentialityRequested: true,
          role: 'anonymous',
        },
      ],
      employer: {
        name: 'La Palma Taqueria',
        address: { street: '2884 24th St', city: 'San Francisco', state: 'CA', postalCode: '94110' },
        naics: '722513',
      },
      allegations: [
        {
          type: 'tip_theft',
          periodStart: '2026-06-01',
          workersAffected: 6,
          ongoing: true,
          estimatedAmountCents: 320000,
        },
      ],
      crossFilings: [],
      ...extra,
    },
  };
}

const getComplaint = (call: RecordedCall) =>
  call.method === 'GET' && call.path === `/api/v1/complaints/${CASE_ID}`;

function renderPage(role: Role) {
  signIn(role);
  return renderRoute(<ComplaintPage />, { route: '/complaints/:caseId', path: `/complaints/${CASE_ID}` });
}

describe('the complaint page', () => {
  it('shows every triage factor with its points and explanation, and what they add up to', async () => {
    mockApi((call) =>
      getComplaint(call) ? json(200, complaint(5, { triage: TRIAGE }), { etag: '"5"' }) : notFound(call),
    );
    renderPage('intake_officer');
    const table = await screen.findByTestId('triage-result');
    const rows = within(table).getAllByRole('row').slice(1, -1);
    expect(rows).toHaveLength(TRIAGE.factors.length);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Workers affected', '+10', '6 workers affected.'],
      ['Severity', '+10', 'Most serious allegation: tip_theft (alleged: tip_theft).'],
      ['Jurisdiction', '+10', 'Within jurisdiction under FLSA.'],
      ['Ongoing violation', '+15', '1 allegation is ongoing.'],
      ['Repeat violator', '0', 'No earlier case with violations found against this employer.'],
      [
        'High-violation industry',
        '+10',
        'NAICS 722513 is in a targeted high-violation industry (restaurants).',
      ],
      ['Limitation time left', '+5', '300 days of limitation time left.'],
      ['Resource intensity', '-5', 'medium resource intensity (estimated from workers and allegations).'],
      ['new_factor_from_a_later_release', '-5', 'Shown under its own name.'],
    ]);
    const total = within(table).getAllByRole('row').at(-1)!;
    expect(total.textContent).toContain('50');
    expect(total.textContent).toContain('Score 55 of 100: priority P2');
    // The complaint itself: both complainants, the anonymous one unnamed and marked confidential.
    const cards = screen.getAllByTestId('complainant-card');
    expect(cards[0]!.textContent).toContain('Rosa Itzel Quispe');
    expect(cards[0]!.textContent).toContain('Interpreter');
    expect(cards[1]!.textContent).toContain('Anonymous complainant 2');
    expect(cards[1]!.textContent).toContain('Confidential');
    expect(screen.getByText('$3,200.00')).toBeTruthy();
  });

  it('sends an action at the version it showed; a 409 says so, offers a reload and keeps what was typed', async () => {
    let version = 3;
    const calls = mockApi((call) => {
      if (getComplaint(call)) return json(200, complaint(version), { etag: `"${version}"` });
      if (call.method === 'POST' && call.path.endsWith('/jurisdiction-assessment'))
        return problem(409, {
          type: 'https://lse.example/problems/concurrency-conflict',
          title: 'Conflict',
          detail: 'Expected version 3, found 4.',
        });
      return notFound(call);
    });
    const user = userEvent.setup({ delay: null });
    renderPage('intake_officer');
    const form = await screen.findByRole('form', { name: 'Assess jurisdiction' });
    await user.click(within(form).getByLabelText('Yes, within jurisdiction'));
    const reason = within(form).getByLabelText(/^Reason/);
    await user.type(reason, 'Restaurant engaged in commerce.');
    version = 4; // someone else acts meanwhile
    await user.click(within(form).getByRole('button', { name: 'Record the assessment' }));

    const conflict = await within(form).findByRole('heading', { name: 'Someone else changed this case' });
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"3"');
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(post.body).toEqual({
      inJurisdiction: true,
      statutes: ['FLSA'],
      reason: 'Restaurant engaged in commerce.',
    });
    expect((reason as HTMLTextAreaElement).value).toBe('Restaurant engaged in commerce.');

    const gets = calls.filter(getComplaint).length;
    await user.click(
      within(conflict.closest('.usa-alert') as HTMLElement).getByRole('button', { name: 'Reload the case' }),
    );
    await waitFor(() => expect(calls.filter(getComplaint).length).toBe(gets + 1));
    expect(within(form).queryByRole('heading', { name: 'Someone else changed this case' })).toBeNull();
    expect((reason as HTMLTextAreaElement).value).toBe('Restaurant engaged in commerce.');
  });

  it('lets only a supervisor decline, and tells others who may', async () => {
    mockApi((call) => (getComplaint(call) ? json(200, complaint(5, { triage: TRIAGE })) : notFound(call)));
    const user = userEvent.setup({ delay: null });
    const { unmount } = renderPage('intake_officer');
    await user.click(await screen.findByLabelText('Decline'));
    expect(screen.getByTestId('decline-why-not').textContent).toBe(
      'Only a supervisor may decline a complaint. Ask one to review it.',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Decline the complaint' }).disabled).toBe(
      true,
    );
    unmount();

    renderPage('supervisor');
    await user.click(await screen.findByLabelText('Decline'));
    expect(screen.queryByTestId('decline-why-not')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Decline the complaint' }).disabled).toBe(
      false,
    );
  });

  it('links as a duplicate of an open complaint the employer index knows, by its case id', async () => {
    const calls = mockApi((call) => {
      if (getComplaint(call)) return json(200, complaint(6, { triage: TRIAGE }));
      if (call.method === 'GET' && call.path === '/api/v1/employers')
        return json(200, {
          employers: [
            {
              employerKey: 'la palma taquer a',
              names: ['La Palma Taquería Inc.'],
              normalizedName: 'la palma taquer a',
              normalizedAddresses: ['2884 24th st san francisco ca 94110'],
              score: 0.71,
              reasons: [{ kind: 'name', score: 0.71, detail: '' }],
              priorCases: 1,
              casesWithViolations: 0,
              complaints: [
                {
                  caseId: OTHER_ID,
                  status: 'opened',
                  caseNumber: 'LSE-2026-000002',
                  receivedAt: '2026-12-06T13:36:57Z',
                  roles: [],
                  violationFound: false,
                },
                {
                  caseId: CASE_ID,
                  status: 'received',
                  caseNumber: null,
                  receivedAt: '2026-12-06T21:54:00Z',
                  roles: [],
                  violationFound: false,
                },
              ],
            },
          ],
        });
      if (call.method === 'POST' && call.path.endsWith('/duplicate-link'))
        return json(200, {
          caseId: CASE_ID,
          version: 7,
          status: 'duplicate',
          events: ['DuplicateLinked'],
          replayed: false,
        });
      return notFound(call);
    });
    const user = userEvent.setup({ delay: null });
    renderPage('intake_officer');
    await user.click(await screen.findByLabelText('Link as a duplicate'));
    const form = screen.getByRole('form', { name: 'Link as a duplicate' });
    // This complaint itself is not offered.
    const choice = await within(form).findByLabelText(/LSE-2026-000002/);
    expect(within(form).getAllByRole('radio')).toHaveLength(2); // it, and "by case number"
    await user.click(choice);
    await user.type(within(form).getByLabelText(/^Reason/), 'Same workers, same tips.');
    await user.click(within(form).getByRole('button', { name: 'Link as a duplicate' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"6"');
    expect(post.body).toEqual({ duplicateOfCaseId: OTHER_ID, reason: 'Same workers, same tips.' });
  });

  it('shows a reader what intake assessed, without the intake steps', async () => {
    mockApi((call) => (getComplaint(call) ? json(200, complaint(2, { triage: TRIAGE })) : notFound(call)));
    renderPage('investigator');
    expect((await screen.findByTestId('steps-read-only')).textContent).toContain(
      'Intake officers and supervisors take these steps',
    );
    expect(within(screen.getByTestId('triage-result')).getAllByRole('row')).toHaveLength(
      TRIAGE.factors.length + 2,
    );
    for (const step of ['Assess jurisdiction', 'Assess limitations'])
      expect(screen.getByRole('region', { name: step }).textContent).toContain('Not assessed');
    expect(screen.queryByRole('form')).toBeNull();
  });
});
