import { screen, waitFor, within } from '@testing-library/react';
import { ConsentEditor } from '../../src/features/partners/ConsentEditor';
import type { WorkerConsent } from '../../src/features/partners/partner-api';
import { json, mockApi, notFound, problem } from '../support/mock-api';
import { renderWithApp, signIn } from '../support/render';

const REFERRAL = '0b9f8c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
const ANA = '11111111-2222-4333-8444-555555555555';
const LUIS = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const CONSENTS: WorkerConsent[] = [
  { workerId: ANA, version: 1, scopes: ['status', 'outcome'] },
  { workerId: LUIS, version: 3, scopes: [] },
];
const consentPosts = (calls: ReturnType<typeof mockApi>) =>
  calls.filter((c) => c.method === 'POST' && c.path === `/api/v1/referrals/${REFERRAL}/consent`);

async function renderEditor(options: { mayChange?: boolean; language?: 'en' | 'es' } = {}) {
  const onChanged = jest.fn();
  const view = await renderWithApp(
    <ConsentEditor
      referralId={REFERRAL}
      version={7}
      consents={CONSENTS}
      mayChange={options.mayChange ?? true}
      onChanged={onChanged}
    />,
    { language: options.language },
  );
  const worker = (n: number) =>
    screen.getByRole('form', { name: options.language === 'es' ? `Trabajador(a) ${n}` : `Worker ${n}` });
  return { ...view, onChanged, worker };
}

beforeEach(() => signIn('partner'));

describe('the consent editor', () => {
  it("shows each worker's consent as it stands, numbered, never by id", async () => {
    mockApi(notFound);
    const { worker } = await renderEditor();
    expect(within(worker(1)).getByText('Case status, Outcome')).toBeTruthy();
    expect(within(worker(1)).getByText('Consent version 1')).toBeTruthy();
    expect(within(worker(2)).getByText('Consent revoked')).toBeTruthy();
    expect(within(worker(2)).getByText('Consent version 3')).toBeTruthy();
    expect(document.body.textContent).not.toContain(ANA);
    // Nothing to revoke for Luis; saving is offered once something changed.
    expect(within(worker(2)).queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect(
      within(worker(1)).getByRole<HTMLButtonElement>('button', { name: "Save worker 1's consent" }).disabled,
    ).toBe(true);
  });

  it("narrows a worker's consent at the referral's version (If-Match) and reports it", async () => {
    const calls = mockApi((call) =>
      call.method === 'POST'
        ? json(200, { id: REFERRAL, version: 8, events: ['ConsentNarrowed'], consents: [] })
        : notFound(call),
    );
    const { user, worker, onChanged } = await renderEditor();
    await user.click(within(worker(1)).getByLabelText(/^Outcome/));
    await user.click(within(worker(1)).getByRole('button', { name: "Save worker 1's consent" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    const [post] = consentPosts(calls);
    expect(post!.headers.get('If-Match')).toBe('"7"');
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post!.body).toEqual({ workerId: ANA, scopes: ['status'] });
    expect(within(worker(1)).getByText('Consent recorded: a new version.')).toBeTruthy();
  });

  it('revokes with an empty list of scopes, and grants again in the order the API lists scopes', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST'
        ? json(200, { id: REFERRAL, version: 8, events: [], consents: [] })
        : notFound(call),
    );
    const { user, worker } = await renderEditor();
    await user.click(within(worker(1)).getByRole('button', { name: "Revoke worker 1's consent" }));
    await user.click(within(worker(2)).getByLabelText(/^Outcome/));
    await user.click(within(worker(2)).getByLabelText(/^Case status/));
    await user.click(within(worker(2)).getByRole('button', { name: "Save worker 2's consent" }));
    await waitFor(() => expect(consentPosts(calls)).toHaveLength(2));
    expect(consentPosts(calls).map((c) => c.body)).toEqual([
      { workerId: ANA, scopes: [] },
      { workerId: LUIS, scopes: ['status', 'outcome'] },
    ]);
  });

  it('after a concurrent change (409) says so and reloads the referral on request', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? problem(409, { title: 'Conflict', detail: 'The referral changed since version 7.' })
        : notFound(call),
    );
    const { user, worker, onChanged } = await renderEditor();
    await user.click(within(worker(1)).getByRole('button', { name: "Revoke worker 1's consent" }));
    const reload = await within(worker(1)).findByRole('button', { name: 'Reload the case' });
    expect(within(worker(1)).getByText('The referral changed since version 7.')).toBeTruthy();
    await user.click(reload);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('for a reader who may not change consent (an auditor), shows it without controls; in Spanish too', async () => {
    mockApi(notFound);
    const { worker } = await renderEditor({ mayChange: false, language: 'es' });
    expect(within(worker(1)).getByText('Estado del caso, Resultado')).toBeTruthy();
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
