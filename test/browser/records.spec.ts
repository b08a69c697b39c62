/**
 * Records retention for an auditor, through the workbench (issue 22): a case closed in 2019 under
 * a legal hold and one without, the review run from the screen, the held case listed as held with
 * its hold and the other as due. axe in English and Spanish, and a screenshot.
 *
 * No route can date a closing years back, so the two closed investigations are appended to the
 * store as investigation would have appended them in 2019 (InvestigationClosed, validated by its
 * contract); the hold is placed through the API.
 */
import { randomUUID } from 'node:crypto';
import { eventually } from '@lse/testing';
import { Api } from '../support/http';
import { appendOldClosings } from '../support/old-closings';
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(180_000);

describe('records retention in the workbench', () => {
  let env: BrowserSystem;
  let api: Api;
  let tab: WorkbenchPage | undefined;
  const held = randomUUID();
  const due = randomUUID();
  const auditor = { as: 'auditor' as const, sub: 'ines.records' };

  beforeAll(async () => {
    env = await BrowserSystem.start();
    api = new Api(env.baseUrl);
    await appendOldClosings(env.system.databaseUrl, [
      [held, '2019-03-01T16:00:00.000Z'],
      [due, '2019-04-15T16:00:00.000Z'],
    ]);
    const placed = await api.request('POST', `/cases/${held}/legal-holds`, {
      as: 'supervisor',
      sub: 'sue.records',
      body: {
        matterId: 'Doe v. Acme Car Wash, No. 3:26-cv-00412',
        reason: 'Suit filed over the wages found owing.',
        orderedBy: 'Office of the Solicitor',
      },
    });
    expect(placed.status).toBe(201);
    await eventually(
      () => api.request<{ items: unknown[] }>('GET', '/retention/due', auditor),
      (res) => res.status === 200 && res.body.items.length === 2,
      { timeoutMs: 30_000, intervalMs: 200, what: 'both closings in the retention read model' },
    );
  });
  afterEach(async () => {
    tab?.assertNoProblems();
    await tab?.close();
    tab = undefined;
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('an auditor runs the review from the screen: the held case is held with its hold, the other due', async () => {
    tab = await env.newPage();
    // No review has run yet: the latest report is a 404 the screen explains.
    tab.expectConsoleError(/status of 404 .*\/retention\/reports\/latest/);
    await tab.signIn('auditor', auditor.sub, { from: '/records' });
    await tab.page.getByText(tab.t('records.report.none')).waitFor();
    const table = tab.page.getByRole('table', { name: tab.t('records.due.caption') });
    await table.getByRole('link', { name: held }).waitFor();
    await tab.checkAccessibility('records.none');
    await tab.page.getByRole('button', { name: tab.t('records.report.run') }).click();
    await tab.page.getByText(tab.t('records.report.ran', { recorded: 1 })).waitFor();
    const heldRow = table.getByRole('row').filter({ has: tab.page.getByRole('link', { name: held }) });
    await heldRow.getByText(tab.t('records.status.held')).waitFor();
    await heldRow.getByText(/Doe v\. Acme Car Wash/).waitFor();
    const dueRow = table.getByRole('row').filter({ has: tab.page.getByRole('link', { name: due }) });
    await dueRow.getByText(tab.t('records.status.due')).waitFor();
    await tab.checkAccessibility('records');
    await tab.screenshot('records', { readme: true });
  });

  it('in Spanish', async () => {
    tab = await env.newPage('es');
    await tab.signIn('auditor', auditor.sub, { from: '/records' });
    await tab.page
      .getByRole('table', { name: tab.t('records.due.caption') })
      .getByRole('link')
      .first()
      .waitFor();
    await tab.page.getByText(tab.t('records.report.heading')).waitFor();
    await tab.checkAccessibility('records.es');
  });

  it("a supervisor reads the case's hold from its URL and lifts it with the reason", async () => {
    tab = await env.newPage();
    await tab.signIn('supervisor', 'sue.records', { from: `/records?caseId=${held}` });
    await tab.page.getByText(tab.t('records.holds.held')).waitFor();
    await tab.checkAccessibility('records.holds.held');
    await tab.page
      .getByLabel(tab.t('records.holds.liftReason'))
      .fill('Settled and dismissed with prejudice.');
    await tab.page.getByRole('button', { name: tab.t('records.holds.lift') }).click();
    await tab.page.getByText(tab.t('records.holds.notHeld')).waitFor();
    await tab.page.getByText(tab.t('records.holds.status.lifted'), { exact: true }).waitFor();
    await tab.checkAccessibility('records.holds.lifted');
    await tab.screenshot('records-holds', { readme: true });
  });
});
