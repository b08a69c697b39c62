import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { i18n } from '../../src/i18n';
import { startSession, type Role } from '../../src/auth/session';
import { NewReferralPage } from '../../src/features/partners/NewReferralPage';
import { json, mockApi, notFound, problem } from '../support/mock-api';

const ORG = '5b1d7c2e-8f4a-4e6b-9c3d-2a1b0c9d8e7f';
const REFERRAL_ID = '0b9f8c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';

function signInAs(role: Role): void {
  startSession({
    accessToken: 'test-token',
    expiresAt: Date.now() + 3_600_000,
    actor: { id: 'rosa.centro', role, ...(role === 'partner' ? { org: ORG } : {}) },
    method: 'development',
  });
}

function Landed() {
  return <p data-testid="landed">{useParams().id}</p>;
}

async function renderForm(language: 'en' | 'es' = 'en') {
  await i18n.changeLanguage(language);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      { path: '/referrals/new', element: <NewReferralPage /> },
      { path: '/referrals/:id', element: <Landed /> },
    ],
    { initialEntries: ['/referrals/new'] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const worker = (n: number) => screen.getByRole('group', { name: `Worker ${n}` });

/** The employer and one allegation: what every referral needs besides its workers. */
async function fillTheRest(user: UserEvent) {
  await user.type(screen.getByLabelText(/^Agency office/), 'sf-01');
  const e = screen.getByRole('group', { name: 'Employer' });
  await user.type(within(e).getByLabelText(/^Legal name/), 'Golden Gate Car Wash LLC');
  await user.type(within(e).getByLabelText(/^Street/), '1200 Mission St');
  await user.type(within(e).getByLabelText(/^City/), 'San Francisco');
  await user.type(within(e).getByLabelText(/^State/), 'ca');
  await user.type(within(e).getByLabelText(/^ZIP code/), '94103');
  const a = screen.getByRole('group', { name: 'Allegation 1' });
  await user.selectOptions(within(a).getByLabelText(/^Type/), 'overtime');
  await user.type(within(a).getByLabelText(/^From/), '2026-03-01');
  await user.click(within(a).getByLabelText(/^Still going on/));
}

describe('the referral form (partner portal)', () => {
  beforeEach(() => signInAs('partner'));

  it("sends each worker with exactly the consent ticked for them, then opens the referral's page", async () => {
    const calls = mockApi((call) => {
      if (call.method === 'POST' && call.path === '/api/v1/referrals')
        return json(201, { id: REFERRAL_ID, version: 1, status: 'submitted', replayed: false });
      return notFound(call);
    });
    const user = userEvent.setup({ delay: null });
    await renderForm();

    const first = worker(1);
    await user.type(within(first).getByLabelText(/^Name/), 'Ana Ruiz');
    await user.selectOptions(within(first).getByLabelText(/^Preferred language/), 'es');
    await user.click(within(first).getByLabelText(/^Case status/));
    await user.click(within(first).getByLabelText(/^Outcome/));
    await user.click(screen.getByRole('button', { name: 'Add another worker' }));
    const second = worker(2);
    await user.type(within(second).getByLabelText(/^Name/), 'Luis Ortega');
    await user.selectOptions(within(second).getByLabelText(/^Preferred language/), 'es');
    await user.type(within(second).getByLabelText(/^Phone/), '+14155550123');
    await user.click(within(second).getByLabelText(/^Asks that their identity be kept confidential/));
    // Luis consents to nothing: his worker center is told nothing about the case.
    await fillTheRest(user);
    await user.click(screen.getByRole('button', { name: 'Submit referral' }));

    await waitFor(() => expect(screen.getByTestId('landed').textContent).toBe(REFERRAL_ID));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[0]!.body).toEqual({
      office: 'SF-01',
      workers: [
        {
          name: 'Ana Ruiz',
          preferredLanguage: 'es',
          interpreterNeeded: false,
          confidentialityRequested: false,
          consent: { scopes: ['status', 'outcome'] },
        },
        {
          name: 'Luis Ortega',
          phone: '+14155550123',
          preferredLanguage: 'es',
          interpreterNeeded: false,
          confidentialityRequested: true,
          consent: { scopes: [] },
        },
      ],
      employer: {
        name: 'Golden Gate Car Wash LLC',
        address: { street: '1200 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103' },
      },
      allegations: [{ type: 'overtime', periodStart: '2026-03-01', ongoing: true, workersAffected: 1 }],
    });
  });

  it("shows the server's field errors beside the worker's fields, names the worker in the summary, keeps what was typed", async () => {
    mockApi((call) => {
      if (call.method === 'POST' && call.path === '/api/v1/referrals')
        return problem(400, {
          title: 'The request is not valid',
          errors: [
            { path: 'workers.1.name', message: 'expected a name' },
            { path: 'office', message: 'expected an office code like SF-01' },
          ],
        });
      return notFound(call);
    });
    const user = userEvent.setup({ delay: null });
    await renderForm();
    await user.type(within(worker(1)).getByLabelText(/^Name/), 'Ana Ruiz');
    await user.click(screen.getByRole('button', { name: 'Add another worker' }));
    await fillTheRest(user);
    await user.click(screen.getByRole('button', { name: 'Submit referral' }));

    const alert = await screen.findByRole('heading', { name: 'Check what you entered' });
    expect(alert.closest('.usa-alert')!.textContent).toContain('Worker 2: expected a name');
    const name2 = within(worker(2)).getByLabelText(/^Name/);
    expect(name2.getAttribute('aria-invalid')).toBe('true');
    expect(within(worker(2)).getByText('expected a name')).toBeTruthy();
    expect(within(worker(1)).getByLabelText<HTMLInputElement>(/^Name/).value).toBe('Ana Ruiz');
    expect(screen.getByLabelText(/^Agency office/).getAttribute('aria-invalid')).toBe('true');
  });

  it('is in Spanish for a Spanish-speaking partner, consent included', async () => {
    mockApi(notFound);
    await renderForm('es');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Remitir un caso');
    const first = screen.getByRole('group', { name: 'Trabajador(a) 1' });
    expect(
      within(first).getByRole('group', {
        name: 'El/la trabajador(a) 1 permite que la agencia informe a su organización',
      }),
    ).toBeTruthy();
    expect(within(first).getByLabelText(/^Estado del caso/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enviar remisión' })).toBeTruthy();
  });

  it('is not offered to staff: the no-access page, and nothing asked of the API', async () => {
    signInAs('intake_officer');
    const calls = mockApi(notFound);
    await renderForm();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(i18n.t('noAccess.title'));
    expect(screen.queryByRole('button', { name: 'Submit referral' })).toBeNull();
    expect(calls).toEqual([]);
  });
});
