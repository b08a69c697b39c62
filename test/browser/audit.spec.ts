/**
 * The auditor's journey of issue 21, through the workbench's screens only (the case is seeded
 * through the public API up to an issued determination): from the case file to the case as of
 * an instant, the time control moved with the keyboard to before the determination, the case
 * shown as it was then with what changed since marked; the case's history filtered and who read
 * it; integrity verified for the case and the whole store, a signed checkpoint recorded and its
 * bytes, as the screen shows them, verified outside the system. axe on every screen and state.
 */
import { verify } from 'node:crypto';
import { eventually } from '@lse/testing';
import { Api } from '../support/http';
import { openInvestigation } from '../support/open-case';
import { tick } from './support/journey';
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(240_000);

const AUDITOR = 'ines.auditor';
const SUP = { as: 'supervisor' as const, sub: 'sue.audit' };
const INV = { as: 'investigator' as const, sub: 'ivan.audit' };

/** A case opened, investigated and determined through the API, as the e2e suites do: its id. */
async function issuedDetermination(env: BrowserSystem, api: Api): Promise<string> {
  const caseId = await openInvestigation(api);
  const inv = (path: string, who: typeof SUP | typeof INV, body: unknown) =>
    api.request<Record<string, unknown>>('POST', `/cases/${caseId}/investigation/${path}`, { ...who, body });
  expect((await inv('assignment', SUP, { investigatorId: INV.sub })).status).toBe(200);
  const employer = await inv('employers', INV, {
    name: 'Audit Trail Car Wash LLC',
    role: 'direct',
    basis: 'Hires and pays the washers.',
  });
  expect(employer.status).toBe(200);
  const hours = await fetch(
    `${env.baseUrl}/api/v1/cases/${caseId}/investigation/hours-and-wages?employerId=${employer.body.id as string}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await api.token(INV.as, INV.sub)}`,
        'content-type': 'text/csv',
      },
      body:
        'worker_ref,worker_name,week_start,d1,d2,d3,d4,d5,d6,d7,hourly_rate,paid_hours,piece,salary\n' +
        'E-1,Ana Ruiz,2026-03-01,0,10,10,10,10,10,0,10.00,50,,\n',
    },
  );
  expect(hours.status).toBe(200);
  expect((await inv('back-wage-computations', INV, { ruleSetIds: ['US-FLSA'] })).status).toBe(200);
  const proposed = await inv('determination/proposal', INV, {
    summary: 'Overtime premium owed to one worker.',
  });
  expect(proposed.status).toBe(200);
  const determinationId = proposed.body.id as string;
  expect((await inv('determination/approval', SUP, { determinationId })).status).toBe(200);
  expect((await inv('determination/issue', SUP, { determinationId })).status).toBe(200);
  // The screens read audit's timeline (a projection): wait until it holds the issue.
  await eventually(
    () =>
      api.request<{ items: Array<{ type: string }> }>('GET', `/cases/${caseId}/history?limit=200`, {
        as: 'auditor',
        sub: 'seed.auditor',
      }),
    (res) => res.status === 200 && res.body.items.some((e) => e.type === 'DeterminationIssued'),
    { timeoutMs: 30_000, intervalMs: 200, what: 'DeterminationIssued on the case timeline' },
  );
  return caseId;
}

describe('the auditor: the case as of an instant, its history, integrity', () => {
  let env: BrowserSystem;
  let api: Api;
  let caseId: string;
  let tab: WorkbenchPage;

  beforeAll(async () => {
    env = await BrowserSystem.start();
    api = new Api(env.baseUrl);
    caseId = await issuedDetermination(env, api);
    tab = await env.newPage();
    await tab.signIn('auditor', AUDITOR, { from: `/cases/${caseId}` });
  });
  afterEach(() => {
    tab?.assertNoProblems();
  });
  afterAll(async () => {
    if (tab) await tab.screenshot('audit-last', { failure: true }).catch(() => undefined);
    await tab?.close();
    await env?.stop();
  });

  it('moves the time control with the keyboard to before the determination and sees the case as it was, changes since marked', async () => {
    const { page } = tab;
    const t = tab.t.bind(tab);
    await page
      .getByRole('navigation', { name: t('audit.case.links') })
      .getByRole('link', { name: t('audit.asOf.crumb') })
      .click();
    await page.waitForURL(`**/audit/cases/${caseId}/as-of`);
    const slider = page.getByRole('slider', { name: t('audit.asOf.control.slider') });
    const summary = page.locator('.audit-summary');
    // It opens at the latest event: nothing since.
    await page.getByText(t('audit.asOf.summary.current')).waitFor();
    await tab.checkAccessibility('audit.as-of.now');

    // Keyboard: End, then one event back at a time until the determination was proposed, then one more.
    await slider.focus();
    await press(tab, 'End');
    const proposed = t('events.DeterminationProposed');
    for (let i = 0; i < 60 && !(await slider.getAttribute('aria-valuetext'))?.includes(proposed); i++)
      await press(tab, 'ArrowLeft');
    expect(await slider.getAttribute('aria-valuetext')).toContain(proposed);
    await press(tab, 'ArrowLeft');
    const before = (await slider.getAttribute('aria-valuetext'))!;
    expect(before).not.toContain(proposed);
    const at = new URL(page.url()).searchParams.get('at')!;
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    // The case as it was: no determination; everything of it marked as added since.
    const heading = t('audit.asOf.summary.heading', { when: '' }).trim();
    await summary.getByRole('heading', { name: new RegExp(`^${heading}`) }).waitFor();
    await expectSettled(tab);
    const issued = fieldRow(page, 'investigation.determination.issuedAt');
    await issued.waitFor();
    expect(await issued.textContent()).toContain(t('audit.asOf.change.added'));
    expect(await issued.textContent()).toContain(t('audit.asOf.value.absent'));
    const proposal = fieldRow(page, 'investigation.determination.proposal.determinationId');
    expect(await proposal.textContent()).toContain(t('audit.asOf.change.added'));
    const sinceText = (await page.locator('section[aria-labelledby="since-heading"]').textContent()) ?? '';
    for (const type of ['DeterminationProposed', 'DeterminationApproved', 'DeterminationIssued'])
      expect(sinceText).toContain(t(`events.${type}`));
    await tab.checkAccessibility('audit.as-of.before-determination');
    await tab.screenshot('audit-as-of', { readme: true });

    // The instant is in the URL: the same address shows the same moment.
    await page.reload();
    await slider.waitFor();
    await tab.heading().filter({ hasText: 'LSE-' }).waitFor();
    // (Events recorded since, such as collections opening its case, may have added stops after it.)
    const withoutTotal = (text: string | null) => text?.replace(/ \d+ (of|de) \d+:/, ':');
    expect(withoutTotal(await slider.getAttribute('aria-valuetext'))).toBe(withoutTotal(before));
    expect(new URL(page.url()).searchParams.get('at')).toBe(at);
    await fieldRow(page, 'investigation.determination.issuedAt').waitFor();

    // One event forward with the keyboard: the determination proposed, not yet issued.
    await slider.focus();
    await press(tab, 'ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toContain(proposed);
    await fieldRow(page, 'investigation.determination.proposal.determinationId').waitFor({
      state: 'detached',
    });
    await expectSettled(tab);
    expect(await fieldRow(page, 'investigation.determination.issuedAt').textContent()).toContain(
      t('audit.asOf.change.added'),
    );
    await tab.checkAccessibility('audit.as-of.proposed');
  });

  it('reads the history filtered by service, each event with its chain position, and who read the case', async () => {
    const { page } = tab;
    const t = tab.t.bind(tab);
    await page
      .getByRole('navigation', { name: t('audit.case.views') })
      .getByRole('link', { name: t('audit.history.crumb') })
      .click();
    await page.waitForURL(`**/audit/cases/${caseId}/history`);
    const events = page.getByRole('table', { name: new RegExp(t('audit.history.caption')) });
    await events.getByRole('cell', { name: t('events.DeterminationIssued') }).waitFor();
    await tab.checkAccessibility('audit.history');
    await page.getByLabel(t('audit.history.filters.service')).selectOption('investigation');
    await page.waitForURL(/[?&]service=investigation/);
    // The URL changes before the filtered page arrives: wait for the rows to be replaced.
    const investigationOnly = t('services.investigation');
    const services = await eventually(
      () => events.locator('tbody tr td:nth-child(5)').allTextContents(),
      (cells) => cells.length > 3 && cells.every((cell) => cell === investigationOnly),
    );
    expect(services.length).toBeGreaterThan(3);
    expect(new Set(services)).toEqual(new Set([t('services.investigation')]));
    expect(await events.textContent()).toContain(t('audit.history.version', { version: 1 }));
    // Who read the case: this auditor's replays, each recorded before the screen got it.
    const reads = page.getByRole('table', { name: new RegExp(t('audit.access.caption')) });
    const replay = reads
      .getByRole('row')
      .filter({ hasText: AUDITOR })
      .filter({ hasText: t('audit.resources.case-state') });
    await replay.first().waitFor();
    await page.getByLabel(t('audit.history.filters.actor')).selectOption(AUDITOR);
    await page.waitForURL(/[?&]actor=/);
    // The URL changes before the filtered page of reads replaces the one shown: wait for it.
    const filtered = await eventually(
      () => reads.locator('tbody tr').allTextContents(),
      (rows) => rows.length > 0 && rows.every((row) => row.includes(AUDITOR)),
    );
    expect(filtered.length).toBeGreaterThan(0);
    for (const row of filtered) expect(row).toContain(AUDITOR);
    await tab.checkAccessibility('audit.history.filtered');
    await page.getByLabel(t('audit.history.filters.actor')).selectOption('');
    await page.getByLabel(t('audit.history.filters.service')).selectOption('');
    await tab.screenshot('audit-history', { readme: true, fullPage: false });
  });

  it('verifies the case and the whole store, records a signed checkpoint and shows how to check it outside', async () => {
    const { page } = tab;
    const t = tab.t.bind(tab);
    await page
      .getByRole('navigation', { name: t('nav.label') })
      .getByRole('link', { name: t('audit.nav.integrity') })
      .click();
    await page.waitForURL('**/audit/integrity');
    // A fresh store may have no checkpoint yet: the screen says so (the browser logs the 404).
    tab.expectConsoleError(/status of 404 .*\/integrity\/checkpoints\/latest/);
    await tab
      .heading()
      .filter({ hasText: t('audit.integrity.title') })
      .waitFor();
    await tab.checkAccessibility('audit.integrity');

    await tick(page, t('audit.integrity.verify.case'));
    await page.getByLabel(t('audit.integrity.verify.caseId')).fill(caseId);
    await page.getByRole('button', { name: t('audit.integrity.verify.run') }).click();
    const caseOk = t('audit.integrity.result.ok', { scope: t('audit.integrity.result.ofCase', { caseId }) });
    await page.getByRole('heading', { name: caseOk }).waitFor();
    expect(new URL(page.url()).searchParams.get('caseId')).toBe(caseId);
    await tab.checkAccessibility('audit.integrity.case-verified');

    await tick(page, t('audit.integrity.verify.store'));
    await page.getByRole('button', { name: t('audit.integrity.verify.run') }).click();
    const storeOk = t('audit.integrity.result.ok', { scope: t('audit.integrity.result.ofStore') });
    await page.getByRole('heading', { name: storeOk }).waitFor();

    await page.getByRole('button', { name: t('audit.integrity.checkpoint.take') }).click();
    // The checkpoint just recorded is the latest one shown (its number in the success notice).
    const taken = t('audit.integrity.checkpoint.taken', { n: '999' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByText(new RegExp(`^${taken.replace('999', '\\d+')}$`)).waitFor();
    await page.getByRole('heading', { name: t('audit.integrity.outside.heading') }).waitFor();
    const payloadText = (await page.getByLabel('checkpoint-payload.json', { exact: true }).textContent())!;
    const keyPem = (await page.getByLabel('checkpoint-key.pem', { exact: true }).textContent())!;
    expect(await page.getByLabel(t('audit.integrity.outside.openssl')).textContent()).toContain(
      'openssl pkeyutl -verify',
    );
    // The bytes and key the screen shows verify the signature the API gave, outside the system.
    const latest = await api.request<{ signature: { value: string; publicKeyPem: string } }>(
      'GET',
      '/integrity/checkpoints/latest',
      { as: 'auditor', sub: AUDITOR },
    );
    expect(latest.status).toBe(200);
    expect(keyPem.trim()).toBe(latest.body.signature.publicKeyPem.trim());
    expect(
      verify(
        null,
        Buffer.from(payloadText, 'utf8'),
        keyPem,
        Buffer.from(latest.body.signature.value, 'base64'),
      ),
    ).toBe(true);
    await tab.checkAccessibility('audit.integrity.checkpoint');
    await tab.screenshot('audit-integrity', { readme: true });
  });
});

/** A row of the then/now comparison by its field's path (the path is broken after its dots). */
function fieldRow(page: WorkbenchPage['page'], path: string) {
  return page
    .locator('table.audit-diff tr')
    .filter({ has: page.locator('th', { hasText: new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}$`) }) });
}

/**
 * A key pressed on the focused time control, then until the control shows its new position (the
 * instant goes through the URL, so the slider follows a moment after the key). End at the end
 * moves nothing: waited for briefly.
 */
async function press(tab: WorkbenchPage, key: string): Promise<void> {
  const slider = tab.page.getByRole('slider');
  const before = await slider.getAttribute('aria-valuetext');
  await tab.page.keyboard.press(key);
  for (let waited = 0; waited < (key === 'End' ? 500 : 5_000); waited += 25) {
    if ((await slider.getAttribute('aria-valuetext')) !== before) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (key !== 'End') throw new Error(`the time control did not move on ${key}`);
}

/** The replay on screen is the instant chosen (no older one kept while the next loads). */
async function expectSettled(tab: WorkbenchPage): Promise<void> {
  await tab.page.locator('.audit-summary[aria-busy="false"]').waitFor();
}
