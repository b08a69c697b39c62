/**
 * A service that is down (issue 19, item 5): the workbench shows a banner saying so above the
 * page, never a blank page, and clears it by itself once the service answers again.
 */
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(120_000);

describe('the workbench while a service is down', () => {
  let env: BrowserSystem;
  let tab: WorkbenchPage | undefined;

  beforeAll(async () => {
    env = await BrowserSystem.start();
  });
  afterAll(async () => {
    await tab?.close();
    await env?.stop();
  });

  it('shows the outage banner over the page while intake is down, and clears it once intake is back', async () => {
    tab = await env.newPage();
    const { page } = tab;
    const { supervisor } = env.system;
    await tab.signIn('intake_officer', 'olga.intake', { from: '/complaints' });
    const banner = page.getByRole('region', { name: tab.t('errors.unavailable.heading') });
    await page.getByRole('heading', { level: 1, name: tab.t('complaints.title') }).waitFor();
    expect(await banner.count()).toBe(0);

    // kill -9, as in a crash: the gateway answers the queue's request 503 (no responder on NATS).
    supervisor.kill('intake');
    tab.expectConsoleError(/status of 50[234]/);
    await page.reload();
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain(tab.t('errors.unavailable.banner'));
    // The page itself is still there: its heading, the navigation, the filters.
    await page.getByRole('heading', { level: 1, name: tab.t('complaints.title') }).waitFor();
    await page.getByRole('navigation', { name: tab.t('nav.label') }).waitFor();
    await tab.checkAccessibility('outage-banner');
    await tab.screenshot('outage-banner');

    supervisor.start('intake');
    await supervisor.waitReady('intake');
    // The next request that succeeds clears the banner: no reload.
    await page
      .getByRole('navigation', { name: tab.t('nav.label') })
      .getByRole('link', { name: tab.t('nav.myWork'), exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: tab.t('myWork.title') }).waitFor();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    tab.assertNoProblems();
  });
});
