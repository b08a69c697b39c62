/**
 * Every screen of the workbench passes axe (issue 19, item 6): WCAG 2.0/2.1 A and AA and Section
 * 508 rules, no serious or critical violation, in a real browser against the whole system, with
 * no console error or CSP violation on the way. The data is seeded through the public API (the
 * journey specs do everything through the screens); each screen is judged once it has loaded.
 * The main screens are also saved as screenshots (docs/screenshots/ with `npm run screenshots`).
 */
import { receiveInput } from '@lse/intake-domain/test/fixtures';
import { Api } from '../support/http';
import { openInvestigation } from '../support/open-case';
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(180_000);

const INVESTIGATOR = 'ivan.screens';
const SUPERVISOR = 'sue.screens';
const OFFICER = 'olga.screens';

describe('every screen passes axe', () => {
  let env: BrowserSystem;
  let api: Api;
  let caseId: string;
  let receivedId: string;
  let tab: WorkbenchPage | undefined;

  beforeAll(async () => {
    env = await BrowserSystem.start();
    api = new Api(env.baseUrl);
    caseId = await openInvestigation(api);
    const inv = await api.request<{ version: number }>('GET', `/cases/${caseId}/investigation`, {
      as: 'supervisor',
      sub: SUPERVISOR,
    });
    const assigned = await api.request('POST', `/cases/${caseId}/investigation/assignment`, {
      as: 'supervisor',
      sub: SUPERVISOR,
      body: { investigatorId: INVESTIGATOR },
      headers: { 'if-match': `"${inv.body.version}"` },
    });
    expect(assigned.status).toBe(200);
    const received = await api.request<{ caseId: string }>('POST', '/complaints', {
      as: 'intake_officer',
      sub: OFFICER,
      body: receiveInput(),
    });
    expect(received.status).toBe(201);
    receivedId = received.body.caseId;
  });
  afterEach(async () => {
    tab?.assertNoProblems();
    await tab?.close();
    tab = undefined;
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('sign-in, in English and in Spanish', async () => {
    tab = await env.newPage();
    await tab.page.goto('/sign-in');
    await tab.page.getByLabel(tab.t('signIn.dev.subject')).waitFor();
    await tab.checkAccessibility('sign-in');
    await tab.screenshot('sign-in', { readme: true });
    await tab.chooseLanguage('es');
    await tab.page.getByLabel(tab.t('signIn.dev.subject')).waitFor();
    await tab.checkAccessibility('sign-in.es');
    // A field left empty is shown beside the field.
    await tab.page.getByRole('button', { name: tab.t('signIn.submit'), exact: true }).click();
    await tab.page.getByText(tab.t('signIn.dev.subjectRequired')).waitFor();
    await tab.checkAccessibility('sign-in.error.es');
  });

  it('my work of an intake officer (the complaint queue)', async () => {
    tab = await env.newPage();
    await tab.signIn('intake_officer', OFFICER, { from: '/my-work' });
    await tab.page.getByRole('table').getByRole('link').first().waitFor();
    await tab.checkAccessibility('my-work.intake');
    await tab.screenshot('my-work-intake', { readme: true });
  });

  it('my work of an investigator (their investigations)', async () => {
    tab = await env.newPage();
    await tab.signIn('investigator', INVESTIGATOR, { from: '/my-work' });
    await tab.page.getByRole('table').getByRole('link').first().waitFor();
    await tab.checkAccessibility('my-work.investigator');
    await tab.screenshot('my-work-investigator', { readme: true });
  });

  it('my work of a supervisor (unassigned, awaiting approval, workload)', async () => {
    tab = await env.newPage();
    await tab.signIn('supervisor', SUPERVISOR, { from: '/my-work' });
    await tab.page.getByRole('cell', { name: INVESTIGATOR }).first().waitFor();
    await tab.checkAccessibility('my-work.supervisor');
    await tab.screenshot('my-work-supervisor', { readme: true });
  });

  it('complaints (the queue, filtered in the URL)', async () => {
    tab = await env.newPage();
    await tab.signIn('intake_officer', OFFICER, { from: '/complaints?status=received' });
    await tab.page.getByRole('table').getByRole('link').first().waitFor();
    await tab.checkAccessibility('complaints');
    await tab.screenshot('complaints', { readme: true });
  });

  it('a new complaint (the intake form)', async () => {
    tab = await env.newPage();
    await tab.signIn('intake_officer', OFFICER, { from: '/complaints/new' });
    await tab.page.getByTestId('complainant').waitFor();
    await tab.checkAccessibility('new-complaint');
  });

  it('a complaint received, with its intake steps', async () => {
    tab = await env.newPage();
    await tab.signIn('intake_officer', OFFICER, { from: `/complaints/${receivedId}` });
    await tab.page.getByRole('heading', { level: 2, name: tab.t('complaint.steps') }).waitFor();
    await tab.checkAccessibility('complaint');
    await tab.screenshot('complaint-received');
  });

  it('cases (the case index)', async () => {
    tab = await env.newPage();
    await tab.signIn('supervisor', SUPERVISOR, { from: '/cases' });
    await tab.page.getByRole('table').getByRole('link').first().waitFor();
    await tab.checkAccessibility('cases');
    await tab.screenshot('cases', { readme: true });
  });

  it('the case file, every tab an investigator sees', async () => {
    tab = await env.newPage();
    await tab.signIn('investigator', INVESTIGATOR, { from: `/cases/${caseId}` });
    const tabs = tab.page.getByRole('navigation', { name: tab.t('caseFile.tabsLabel') }).getByRole('link');
    await tabs.first().waitFor();
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const [i, name] of names.entries()) {
      await tabs.nth(i).click();
      await tab.page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
      const id = new URL(tab.page.url()).pathname.split('/').pop()!;
      await tab.checkAccessibility(`case-file.${id}`);
      await tab.screenshot(`case-file-${id}`, { readme: id === 'timeline' });
    }
  });

  it('the case file as a supervisor (with the assignment form) and in Spanish', async () => {
    tab = await env.newPage('es');
    await tab.signIn('supervisor', SUPERVISOR, { from: `/cases/${caseId}/timeline` });
    await tab.page.getByRole('table').getByRole('row').nth(1).waitFor();
    await tab.checkAccessibility('case-file.supervisor.es');
  });

  it('a complaint that ended at intake, and a case that is not there', async () => {
    tab = await env.newPage();
    await tab.signIn('supervisor', SUPERVISOR, { from: `/cases/${receivedId}` });
    await tab.heading().waitFor();
    await tab.checkAccessibility('case-file.not-opened');
    await tab.page.goto('/cases/00000000-0000-4000-8000-000000000000/timeline');
    await tab.heading().waitFor();
    tab.expectConsoleError(/status of 404/);
    await tab.checkAccessibility('case-file.unknown');
  });
});
