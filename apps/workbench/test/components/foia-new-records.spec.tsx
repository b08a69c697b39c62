import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { i18n } from '../../src/i18n';
import { startSession } from '../../src/auth/session';
import { NewFoiaRequestPage } from '../../src/features/foia/NewFoiaRequestPage';
import { json, mockApi, notFound, problem } from '../support/mock-api';

const REQUEST_ID = '0b9f8c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
const AGREEMENT = '6c2d2f1b-9a6f-4d2e-8b62-1a4c3e8d7f02';
const PARTNER = '5b1c1e0a-8f5e-4c1d-9a51-0f3b2d7c6e01';

function Landed() {
  return <p data-testid="landed">{useParams().requestId}</p>;
}

async function renderForm(language: 'en' | 'es' = 'en') {
  await i18n.changeLanguage(language);
  startSession({
    accessToken: 'test-token',
    expiresAt: Date.now() + 3_600_000,
    actor: { id: 'fiona.foia', role: 'foia_officer' },
    method: 'development',
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      { path: '/foia/new', element: <NewFoiaRequestPage /> },
      { path: '/foia/:requestId', element: <Landed /> },
    ],
    { initialEntries: ['/foia/new'] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('a new FOIA request naming records besides cases', () => {
  it('sends an agreement and a referral statistics period with no case, then opens the request', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' && call.path === '/api/v1/foia-requests'
        ? json(201, { requestId: REQUEST_ID, version: 1 })
        : notFound(call),
    );
    const user = userEvent.setup({ delay: null });
    await renderForm();
    await user.type(screen.getByLabelText(/^Requester's name/), 'Rita Reporter');
    await user.type(
      screen.getByLabelText(/^What is requested/),
      "The center's agreement and referral counts.",
    );
    await user.click(screen.getByRole('button', { name: 'Add a record' }));
    const first = screen.getByRole('group', { name: 'Record 1' });
    await user.type(within(first).getByLabelText(/^Agreement id/), AGREEMENT);
    await user.click(screen.getByRole('button', { name: 'Add a record' }));
    const second = screen.getByRole('group', { name: 'Record 2' });
    await user.selectOptions(within(second).getByLabelText(/^Kind of record/), 'referral_statistics');
    await user.type(within(second).getByLabelText(/^Partner organization id/), PARTNER);
    await user.type(within(second).getByLabelText(/^From/), '2026-01-01');
    await user.type(within(second).getByLabelText(/^To/), '2026-03-31');
    await user.click(screen.getByRole('button', { name: 'Log the request' }));
    await waitFor(() => expect(screen.getByTestId('landed').textContent).toBe(REQUEST_ID));
    expect(calls[0]?.body).toEqual({
      requester: { name: 'Rita Reporter' },
      description: "The center's agreement and referral counts.",
      caseIds: [],
      records: [
        { kind: 'agreement', agreementId: AGREEMENT },
        { kind: 'referral_statistics', partnerId: PARTNER, from: '2026-01-01', to: '2026-03-31' },
      ],
      jurisdiction: 'federal',
    });
  });

  it('shows the server refusing a request that names nothing beside the case ids, in Spanish too', async () => {
    mockApi(() =>
      problem(400, {
        title: 'Invalid request',
        errors: [{ path: 'caseIds', message: 'name at least one case (caseIds) or one record' }],
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderForm('es');
    await user.click(screen.getByRole('button', { name: 'Agregar un registro' }));
    expect(screen.getByRole('group', { name: 'Registro 1' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Quitar el registro 1' }));
    expect(screen.queryByRole('group', { name: 'Registro 1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Registrar la solicitud' }));
    const caseIds = await screen.findByLabelText(/^Identificadores de caso/);
    await waitFor(() => expect(caseIds.getAttribute('aria-invalid')).toBe('true'));
  });
});
