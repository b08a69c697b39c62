import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { NewComplaintPage } from '../../src/features/complaints/NewComplaintPage';
import { json, mockApi, notFound, problem, type RecordedCall } from '../support/mock-api';
import { renderRoute, signIn } from '../support/render';

const CASE_ID = '0b9f8c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';

function renderForm(language: 'en' | 'es' = 'en') {
  return renderRoute(<NewComplaintPage />, { route: '/complaints/new', path: '/complaints/new', language });
}

const complainant = (n: number) => screen.getByRole('group', { name: `Complainant ${n}` });
const employer = () => screen.getByRole('group', { name: 'Employer' });
const allegation = (n: number) => screen.getByRole('group', { name: `Allegation ${n}` });
const employerIndex = (call: RecordedCall) => call.method === 'GET' && call.path === '/api/v1/employers';

/** The rest of a complaint a hotline officer would take: what every test needs besides complainants. */
async function fillTheRest(user: UserEvent) {
  await user.selectOptions(screen.getByLabelText(/^Channel/), 'hotline');
  await user.type(screen.getByLabelText(/^Office/), 'sf-01');
  const e = employer();
  await user.type(within(e).getByLabelText(/^Legal name/), 'Golden Gate Car Wash LLC');
  await user.type(within(e).getByLabelText(/^Street/), '1200 Mission St');
  await user.type(within(e).getByLabelText(/^City/), 'San Francisco');
  await user.type(within(e).getByLabelText(/^State/), 'CA');
  await user.type(within(e).getByLabelText(/^ZIP code/), '9410');
  const a = allegation(1);
  await user.selectOptions(within(a).getByLabelText(/^Type/), 'overtime');
  await user.type(within(a).getByLabelText(/^From/), '2026-03-01');
  await user.clear(within(a).getByLabelText(/^Workers affected/));
  await user.type(within(a).getByLabelText(/^Workers affected/), '12');
  await user.type(within(a).getByLabelText(/^Estimated amount owed/), '8,450.5');
}

/** The text of the hint and error elements a control is described by (what a screen reader reads). */
function describedBy(el: HTMLElement): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

beforeEach(() => signIn('intake_officer', 'io.one'));

describe('the intake form', () => {
  it('takes a second complainant and sends both, then goes to the complaint page', async () => {
    const calls = mockApi((call) => {
      if (employerIndex(call)) return json(200, { employers: [] });
      if (call.method === 'POST' && call.path === '/api/v1/complaints')
        return json(201, {
          caseId: CASE_ID,
          version: 1,
          status: 'received',
          events: ['ComplaintReceived'],
          replayed: false,
        });
      return notFound(call);
    });
    const user = userEvent.setup({ delay: null });
    renderForm();

    const first = complainant(1);
    await user.type(within(first).getByLabelText(/^Name/), 'Maria Lopez');
    await user.selectOptions(within(first).getByLabelText(/^Preferred language/), 'es');
    await user.click(within(first).getByLabelText('Needs an interpreter'));
    expect(screen.queryByRole('group', { name: 'Complainant 2' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Add a complainant' }));
    const second = complainant(2);
    await user.click(within(second).getByLabelText('Anonymous'));
    expect(within(second).queryByLabelText(/^Name/)).toBeNull();
    await user.selectOptions(within(second).getByLabelText(/^Preferred language/), 'other');
    await user.type(within(second).getByLabelText(/^Language code/), 'mam');
    await user.click(within(second).getByLabelText(/Asks for confidentiality/));
    await fillTheRest(user);

    await user.click(screen.getByRole('button', { name: 'Receive the complaint' }));

    await waitFor(() => expect(screen.getByTestId('landed').textContent).toBe(CASE_ID));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.headers.get('Authorization')).toBe('Bearer test-token');
    expect(post.body).toEqual({
      channel: 'hotline',
      office: 'SF-01',
      complainants: [
        {
          role: 'worker',
          name: 'Maria Lopez',
          preferredLanguage: 'es',
          interpreterNeeded: true,
          confidentialityRequested: false,
        },
        {
          role: 'anonymous',
          preferredLanguage: 'mam',
          interpreterNeeded: false,
          confidentialityRequested: true,
        },
      ],
      employer: {
        name: 'Golden Gate Car Wash LLC',
        address: { street: '1200 Mission St', city: 'San Francisco', state: 'CA', postalCode: '9410' },
      },
      allegations: [
        {
          type: 'overtime',
          periodStart: '2026-03-01',
          ongoing: false,
          workersAffected: 12,
          estimatedAmountCents: 845050,
        },
      ],
    });
  });

  it("shows the server's field errors beside their fields and keeps everything typed", async () => {
    mockApi((call) => {
      if (employerIndex(call)) return json(200, { employers: [] });
      if (call.method === 'POST' && call.path === '/api/v1/complaints')
        return problem(400, {
          type: 'https://lse.example/problems/validation',
          title: 'The request is not valid',
          detail: 'The request is not valid.',
          errors: [
            {
              path: 'complainants.1.name',
              message: 'a worker or representative has a name; an anonymous complainant has none',
            },
            { path: 'employer.address.postalCode', message: 'expected a ZIP code' },
            { path: 'allegations.0.periodStart', message: 'expected a calendar date YYYY-MM-DD' },
          ],
        });
      return notFound(call);
    });
    const user = userEvent.setup({ delay: null });
    renderForm();
    await user.type(within(complainant(1)).getByLabelText(/^Name/), 'Maria Lopez');
    await user.selectOptions(within(complainant(1)).getByLabelText(/^Preferred language/), 'es');
    await user.click(screen.getByRole('button', { name: 'Add a complainant' }));
    await user.selectOptions(within(complainant(2)).getByLabelText(/^Preferred language/), 'vi');
    await fillTheRest(user);
    await user.click(screen.getByRole('button', { name: 'Receive the complaint' }));

    // Beside each field the server named, and tied to it for screen readers.
    const summary = (await screen.findByRole('heading', { name: 'Check what you entered' })).closest(
      '.usa-alert',
    )!;
    const zip = within(employer()).getByLabelText(/^ZIP code/);
    expect(zip.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(zip)).toContain('expected a ZIP code');
    const secondName = within(complainant(2)).getByLabelText(/^Name/);
    expect(secondName.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(secondName)).toContain('a worker or representative has a name');
    expect(describedBy(within(allegation(1)).getByLabelText(/^From/))).toContain('expected a calendar date');
    // A field the server did not name is not marked.
    expect(within(complainant(1)).getByLabelText(/^Name/).getAttribute('aria-invalid')).toBeNull();
    // The summary above the form names the fields in the form's words.
    expect(summary.textContent).toContain('Employer · ZIP code: expected a ZIP code');
    expect(summary.textContent).toContain('Complainant 2 · Name: a worker or representative has a name');
    expect(summary.textContent).toContain('Allegation 1 · From: expected a calendar date');

    // Nothing typed was lost.
    expect(within(complainant(1)).getByLabelText<HTMLInputElement>(/^Name/).value).toBe('Maria Lopez');
    expect(within(complainant(2)).getByLabelText<HTMLSelectElement>(/^Preferred language/).value).toBe('vi');
    expect(within(employer()).getByLabelText<HTMLInputElement>(/^Legal name/).value).toBe(
      'Golden Gate Car Wash LLC',
    );
    expect((zip as HTMLInputElement).value).toBe('9410');
    expect(within(allegation(1)).getByLabelText<HTMLInputElement>(/^Estimated amount owed/).value).toBe(
      '8,450.5',
    );
    expect(screen.getByLabelText<HTMLInputElement>(/^Office/).value).toBe('sf-01');
  });

  it('checks an amount before sending it, beside its field', async () => {
    const calls = mockApi((call) => (employerIndex(call) ? json(200, { employers: [] }) : notFound(call)));
    const user = userEvent.setup({ delay: null });
    renderForm();
    await fillTheRest(user);
    const estimate = within(allegation(1)).getByLabelText(/^Estimated amount owed/);
    await user.clear(estimate);
    await user.type(estimate, 'about 800');
    await user.click(screen.getByRole('button', { name: 'Receive the complaint' }));
    await waitFor(() => expect(describedBy(estimate)).toContain('Enter an amount in dollars'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('hints, while the employer is typed, at duplicates and repeat violators in the employer index', async () => {
    const calls = mockApi((call) => {
      if (!employerIndex(call)) return notFound(call);
      return json(200, {
        employers: [
          {
            employerKey: '941234567',
            names: ['Golden Gate Car Wash LLC'],
            normalizedName: 'golden gate car wash',
            normalizedAddresses: ['1200 mission st san francisco ca 94103'],
            score: 0.92,
            reasons: [
              {
                kind: 'name',
                score: 0.92,
                detail: 'name "golden gate car wash" is 0.92 similar to "golden gate"',
              },
            ],
            priorCases: 3,
            casesWithViolations: 2,
            complaints: [
              {
                caseId: 'a1b2c3d4-0000-4000-8000-000000000001',
                status: 'opened',
                caseNumber: 'LSE-2026-000002',
                receivedAt: '2026-02-01T17:00:00Z',
                roles: ['named_in_complaint'],
                violationFound: false,
              },
              {
                caseId: 'a1b2c3d4-0000-4000-8000-000000000002',
                status: 'declined',
                caseNumber: null,
                receivedAt: '2025-05-01T17:00:00Z',
                roles: ['named_in_complaint'],
                violationFound: true,
              },
            ],
          },
          {
            employerKey: 'golden gate bakery',
            names: ['Golden Gate Bakery'],
            normalizedName: 'golden gate bakery',
            normalizedAddresses: [],
            score: 0.55,
            reasons: [{ kind: 'name', score: 0.55, detail: '' }],
            priorCases: 0,
            casesWithViolations: 0,
            complaints: [],
          },
        ],
      });
    });
    const user = userEvent.setup({ delay: null });
    renderForm();
    const status = screen.getByTestId('employer-hints-status');
    expect(status.textContent).toMatch(/Type 2 letters or more/);

    const name = within(employer()).getByLabelText(/^Legal name/);
    await user.type(name, 'G');
    await new Promise((r) => setTimeout(r, 500));
    expect(calls.filter(employerIndex)).toHaveLength(0); // one letter: the index is not asked

    await user.type(name, 'olden Gate');
    // After the debounce and the answer (slow on a busy machine: allow more than the default second).
    const hints = await screen.findAllByTestId('employer-hint', {}, { timeout: 5000 });
    // Asked once, when the typing paused, not once per key.
    expect(calls.filter(employerIndex).map((c) => c.query.get('name'))).toEqual(['Golden Gate']);
    expect(status.textContent).toBe('Employers in the index that match: 2');
    expect(hints).toHaveLength(2);
    const [repeat, other] = hints as [HTMLElement, HTMLElement];
    expect(within(repeat).getByText('Repeat violator')).toBeTruthy();
    expect(within(repeat).getByText('Possible duplicate')).toBeTruthy();
    expect(repeat.textContent).toContain('name 92% alike');
    expect(repeat.textContent).toContain('Cases opened: 3 · with violations found: 2');
    expect(repeat.textContent).toContain('LSE-2026-000002');
    expect(repeat.textContent).toContain('violation found');
    expect(within(other).queryByText('Repeat violator')).toBeNull();
    expect(within(other).queryByText('Possible duplicate')).toBeNull();
  });

  it('tells a role that may not receive complaints which roles may, in its language', async () => {
    const calls = mockApi(notFound);
    signIn('investigator');
    renderForm('es');
    expect(
      (await screen.findByRole('heading', { name: 'Su rol no permite hacer esto' })).closest('.usa-alert')!
        .textContent,
    ).toContain('Esto requiere el rol de oficial de admisión o supervisor(a).');
    expect(screen.queryByRole('form')).toBeNull();
    expect(calls).toHaveLength(0);
  });
});
