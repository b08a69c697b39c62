/**
 * Signing in and out of the workbench in a real browser (issue 19, item 3): the development
 * sign-in page, the way back to the page a person asked for, sign-out, and a session that expires
 * sending the person to sign in and then back where they were. Tokens stay out of localStorage.
 */
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(120_000);

describe('signing in to the workbench', () => {
  let env: BrowserSystem;
  let tab: WorkbenchPage | undefined;

  beforeAll(async () => {
    env = await BrowserSystem.start();
  });
  afterEach(async () => {
    await tab?.close();
    tab = undefined;
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('signs in through the development sign-in page and goes to the page asked for, keeping the token out of localStorage', async () => {
    tab = await env.newPage();
    const { page } = tab;
    await page.goto('/complaints?status=opened');
    await page.waitForURL(/\/sign-in\?/);
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/complaints?status=opened');
    await tab.signIn('intake_officer', 'olga.intake');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/complaints?status=opened');
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('olga.intake');
    const storage = await page.evaluate<{ local: string; session: string }>(
      `({ local: JSON.stringify({ ...localStorage }), session: sessionStorage.getItem('lse.session') ?? '' })`,
    );
    expect(storage.session).toContain('accessToken');
    expect(storage.local).not.toContain('accessToken');
    expect(storage.local).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT at all
    tab.assertNoProblems();
  });

  it('sends a role to its own home after sign-in, and signs out', async () => {
    tab = await env.newPage();
    const { page } = tab;
    await tab.signIn('investigator', 'ivan.investigator', { from: '/sign-in' });
    expect(new URL(page.url()).pathname).toBe('/my-work');
    await tab.signOut();
    await page.getByText(tab.t('signIn.signedOut')).waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('lse.session')`)).toBeNull();
    // Signed out means signed out: a protected page asks to sign in again.
    await page.goto('/my-work');
    await page.waitForURL(/\/sign-in\?returnTo=%2Fmy-work/);
    tab.assertNoProblems();
  });

  it('returns an expired session to sign-in, then to the page the person was on', async () => {
    tab = await env.newPage();
    const { page } = tab;
    await page.goto('/complaints?office=SF-01');
    await tab.signIn('supervisor', 'sue.supervisor', { expiresInSeconds: 10 });
    expect(new URL(page.url()).pathname).toBe('/complaints');
    // The session ends by itself when the token does: no click, no reload.
    await page.waitForURL(/\/sign-in\?/, { timeout: 20_000 });
    const at = new URL(page.url());
    expect(at.searchParams.get('reason')).toBe('expired');
    expect(at.searchParams.get('returnTo')).toBe('/complaints?office=SF-01');
    await page.getByRole('heading', { name: tab.t('signIn.expired.heading') }).waitFor();
    await tab.signIn('supervisor', 'sue.supervisor');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/complaints?office=SF-01');
    // A request made with the token just as it expired may have been refused (401).
    tab.expectConsoleError(/status of 401/);
    tab.assertNoProblems();
  });
});
