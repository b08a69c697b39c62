/**
 * Issue 21, items 4 and 5, through the workbench's screens. A partner organization's staff member,
 * working in Spanish, refers two workers (each with their own consent), sees the referral turn
 * into an opened case once intake opens it, sees what the agency told the organization, revokes
 * one worker's consent, and cannot reach another organization's referral (a "not yours" page that
 * says nothing of whether it exists) nor any staff screen. The partner liaison, in English, finds
 * the partner with fewer than two point people flagged, adds one, signs and renews an agreement
 * and lists those expiring. Seed data (partners, agreements, intake's decision) goes through the
 * public API; the people's own work goes through the UI only. axe judges every screen.
 */
import { eventually } from '@lse/testing';
import { Api } from '../support/http';
import { field, tick } from './support/journey';
import { BrowserSystem, type WorkbenchPage } from './support/workbench';

jest.setTimeout(240_000);

const LIAISON = { as: 'partner_liaison' as const, sub: 'lena.liaison' };
const OFFICER = { as: 'intake_officer' as const, sub: 'olga.intake' };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const CENTER = 'Centro de Trabajadores de la Misión';
const LEGAL_AID = 'Bay Area Legal Aid';
const DRAFTED_TITLE = 'Letter of arrangement: referrals from Bay Area Legal Aid';

describe('the partner portal and the partner liaison', () => {
  let env: BrowserSystem;
  let api: Api;
  let center: string;
  let legalAid: string;
  let draftedAgreement: string;
  let legalAidReferral: string;
  let tab: WorkbenchPage | undefined;

  async function ok<T = { id: string }>(
    method: string,
    path: string,
    options: Parameters<Api['request']>[2],
  ) {
    const res = await api.request<T>(method, path, options);
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const partnerBody = (name: string, type: string, contacts: number) => ({
    name,
    type,
    languages: ['es', 'en'],
    industries: ['car_washes'],
    region: 'San Francisco',
    office: 'SF-01',
    contacts: Array.from({ length: contacts }, (_, i) => ({ name: `${name} contact ${i + 1}` })),
  });

  const agreementBody = (partnerId: string, title: string, expiresOn: string) => ({
    type: 'letter_of_arrangement',
    title,
    partnerIds: [partnerId],
    agencyParty: 'Office of Labor Standards Enforcement',
    scope: ['outreach', 'referrals'],
    sharingLevel: 'status_and_outcome',
    effectiveOn: day(-1),
    expiresOn,
    clauses: [
      { clauseId: 'sharing', title: 'Sharing', text: 'Case status and outcome, as each worker consents.' },
    ],
  });

  beforeAll(async () => {
    env = await BrowserSystem.start();
    api = new Api(env.baseUrl);
    center = (await ok('POST', '/partners', { ...LIAISON, body: partnerBody(CENTER, 'worker_center', 2) }))
      .id;
    legalAid = (await ok('POST', '/partners', { ...LIAISON, body: partnerBody(LEGAL_AID, 'legal_aid', 1) }))
      .id;
    const signed = await ok('POST', '/agreements', {
      ...LIAISON,
      body: agreementBody(center, 'Memorandum with the Mission worker center', '2099-01-01'),
    });
    await ok('POST', `/agreements/${signed.id}/signature`, {
      ...LIAISON,
      body: { signatories: ['Labor Commissioner'] },
      headers: { 'if-match': '"1"' },
    });
    draftedAgreement = (
      await ok('POST', '/agreements', { ...LIAISON, body: agreementBody(legalAid, DRAFTED_TITLE, day(30)) })
    ).id;
    // Another organization's referral: the partner of the journey must not reach it.
    legalAidReferral = (
      await ok('POST', '/referrals', {
        as: 'partner',
        sub: 'staff-legal-aid',
        org: legalAid,
        body: {
          office: 'SF-01',
          workers: [
            {
              name: 'Marta Quispe',
              preferredLanguage: 'es',
              interpreterNeeded: false,
              confidentialityRequested: false,
              consent: { scopes: ['status'] },
            },
          ],
          employer: {
            name: 'Sunset Laundry LLC',
            address: { street: '900 Irving St', city: 'San Francisco', state: 'CA', postalCode: '94122' },
          },
          allegations: [
            { type: 'unpaid_wages', periodStart: '2026-01-05', ongoing: true, workersAffected: 1 },
          ],
        },
      })
    ).id;
  });
  afterEach(async () => {
    if (tab) {
      tab.assertNoProblems();
      await tab.close();
    }
    tab = undefined;
  });
  afterAll(async () => {
    env?.saveLogs('partner-portal');
    await env?.stop();
  });

  /** Intake receives the referral as a complaint and opens the case, through the API. */
  async function intakeOpens(caseId: string): Promise<void> {
    await eventually(
      () => api.request('GET', `/complaints/${caseId}`, OFFICER),
      (r) => r.status === 200,
      { what: 'the referral received as a complaint', timeoutMs: 60_000, intervalMs: 200 },
    );
    const steps: Array<[string, unknown]> = [
      ['jurisdiction-assessment', { inJurisdiction: true, statutes: ['FLSA'], reason: 'Covered employer.' }],
      ['limitations-assessment', { statute: 'FLSA', willful: false }],
      ['triage', {}],
      ['open', {}],
    ];
    for (const [i, [step, body]] of steps.entries())
      await ok('POST', `/complaints/${caseId}/${step}`, {
        ...OFFICER,
        body,
        headers: { 'if-match': `"${i + 1}"` },
      });
  }

  /** Reloads the page until `done` holds: what a person does waiting for news. */
  async function reloadUntil(page: WorkbenchPage['page'], done: () => Promise<boolean>, what: string) {
    const until = Date.now() + 60_000;
    while (!(await done())) {
      if (Date.now() > until) throw new Error(`waited a minute for ${what}`);
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
  }

  it('a partner refers two workers in Spanish, sees the case open, revokes a consent, and reaches nothing outside its scope', async () => {
    tab = await env.newPage('es');
    const p = tab.page;
    await tab.signIn('partner', 'rosa.centro', { org: center });
    await tab
      .heading()
      .filter({ hasText: tab.t('portal.referrals.title') })
      .waitFor();
    const nav = p.getByRole('navigation', { name: tab.t('nav.label') });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      tab.t('portal.nav.referrals'),
      tab.t('portal.nav.newReferral'),
    ]);
    await tab.checkAccessibility('portal.referrals.empty');

    await nav.getByRole('link', { name: tab.t('portal.nav.newReferral') }).click();
    await tab
      .heading()
      .filter({ hasText: tab.t('portal.form.title') })
      .waitFor();
    await field(p, tab.t('portal.form.where.office')).fill('SF-01');
    const first = p.getByTestId('referred-worker').nth(0);
    await field(first, tab.t('portal.form.worker.name')).fill('Ana Ruiz');
    await field(first, tab.t('portal.form.worker.language')).selectOption('es');
    await tick(first, tab.t('portal.consentScopes.status'));
    await tick(first, tab.t('portal.consentScopes.outcome'));
    await p.getByRole('button', { name: tab.t('portal.form.workers.add'), exact: true }).click();
    const second = p.getByTestId('referred-worker').nth(1);
    await field(second, tab.t('portal.form.worker.name')).fill('Luis Ortega');
    await field(second, tab.t('portal.form.worker.language')).selectOption('es');
    await tick(second, tab.t('portal.form.worker.interpreter'));
    await tick(second, tab.t('portal.consentScopes.status'));
    const employer = p.getByRole('group', { name: tab.t('intake.employer.legend'), exact: true });
    await field(employer, tab.t('intake.employer.name')).fill('Lavado de Autos Golden Gate LLC');
    await field(employer, tab.t('intake.address.street')).fill('1200 Mission St');
    await field(employer, tab.t('intake.address.city')).fill('San Francisco');
    await field(employer, tab.t('intake.address.state')).fill('CA');
    await field(employer, tab.t('intake.address.postalCode')).fill('94103');
    const allegation = p.getByTestId('allegation').nth(0);
    await field(allegation, tab.t('intake.allegation.type')).selectOption('overtime');
    await field(allegation, tab.t('intake.allegation.periodStart')).fill('2026-03-01');
    await field(allegation, tab.t('intake.allegation.workers')).fill('2');
    await tick(allegation, tab.t('intake.allegation.ongoing'));
    await tab.checkAccessibility('portal.referral-form');
    await tab.screenshot('portal-referral-form', { readme: true });
    await p.getByRole('button', { name: tab.t('portal.form.submit'), exact: true }).click();

    await p.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    const referralId = new URL(p.url()).pathname.split('/').pop()!;
    const status = p.getByTestId('referral-status');
    await expect(status.textContent()).resolves.toBe(tab.t('portal.status.submitted'));
    await expect(p.getByTestId('worker-consent').count()).resolves.toBe(2);
    // The partner is offered no link into the agency's case file.
    await expect(p.locator('a[href^="/cases"]').count()).resolves.toBe(0);
    await tab.checkAccessibility('portal.referral.submitted');

    await intakeOpens(referralId);
    await reloadUntil(
      p,
      async () =>
        (await status.textContent()) === tab!.t('portal.status.accepted') &&
        // Both opening milestones (case, then investigation, by reaction): nothing left in flight
        // that would move the referral's version under the consent change below.
        (await p.getByTestId('disclosures').locator('li').count()) >= 2,
      'the case to open and the partner to be told of both opening milestones',
    );
    const told = p.getByTestId('disclosures');
    await told.getByText(tab.t('portal.milestones.case_opened'), { exact: true }).first().waitFor();
    await tab.checkAccessibility('portal.referral.accepted');
    await tab.screenshot('portal-referral', { readme: true });

    // Luis takes back his consent: a new version, and nothing more is told about him.
    const luis = p.getByTestId('worker-consent').nth(1);
    await luis.getByRole('button', { name: tab.t('portal.consent.revoke', { n: 2 }), exact: true }).click();
    await luis.getByText(tab.t('portal.consent.revoked'), { exact: true }).waitFor();
    await luis.getByText(tab.t('portal.consent.version', { version: 2 }), { exact: true }).waitFor();
    await luis.getByText(tab.t('portal.consent.saved')).waitFor();
    await tab.checkAccessibility('portal.referral.consent-revoked');

    // Its list shows the referral with the case opened.
    await nav.getByRole('link', { name: tab.t('portal.nav.referrals') }).click();
    const table = p.getByRole('table', { name: tab.t('portal.referrals.caption') });
    await reloadUntil(
      p,
      async () => (await table.getByText(tab!.t('portal.status.accepted'), { exact: true }).count()) === 1,
      'the referral list to show the case opened',
    );
    await tab.checkAccessibility('portal.referrals');
    await tab.screenshot('portal-referrals', { readme: true });

    // Another organization's referral, typed by hand, and one that does not exist: the same page.
    tab.expectConsoleError(/status of 404/);
    for (const other of [legalAidReferral, '00000000-0000-4000-8000-000000000000']) {
      await p.goto(`/referrals/${other}`);
      await tab
        .heading()
        .filter({ hasText: tab.t('portal.notYours.title') })
        .waitFor();
      await expect(p.getByText('Marta Quispe').count()).resolves.toBe(0);
      await expect(p.getByText('Sunset Laundry LLC').count()).resolves.toBe(0);
    }
    await tab.checkAccessibility('portal.not-yours');
    await tab.screenshot('portal-not-yours', { readme: true });

    // Staff screens, typed by hand: the no-access page, without asking the API anything.
    const requests: string[] = [];
    p.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/v1/')) requests.push(r.url());
    });
    for (const staff of [
      `/cases/${referralId}`,
      `/cases/${referralId}/timeline`,
      '/complaints',
      `/complaints/${referralId}`,
    ]) {
      await p.goto(staff);
      await tab
        .heading()
        .filter({ hasText: tab.t('noAccess.title') })
        .waitFor();
    }
    expect(requests.filter((u) => /\/api\/v1\/(cases|complaints)/.test(u))).toEqual([]);
    await tab.checkAccessibility('portal.no-access');

    // What was sent to it, in the ledger's partner view (only its own, only what was shared).
    await p.goto('/disclosures');
    await tab
      .heading()
      .filter({ hasText: tab.t('partners.ledger.title') })
      .waitFor();
    await tab.checkAccessibility('portal.disclosures');
  });

  it('the liaison finds the partner short of point people, adds one, signs and renews an agreement, and lists those expiring', async () => {
    tab = await env.newPage('en');
    const p = tab.page;
    await tab.signIn('partner_liaison', LIAISON.sub);
    await tab
      .heading()
      .filter({ hasText: tab.t('partners.directory.title') })
      .waitFor();
    const nav = p.getByRole('navigation', { name: tab.t('nav.label') });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      tab.t('partners.nav.partners'),
      tab.t('partners.nav.agreements'),
      tab.t('portal.nav.referrals'),
      tab.t('partners.nav.disclosures'),
    ]);

    // The directory flags Bay Area Legal Aid (one point person), not the worker center (two).
    await field(p, tab.t('partners.directory.filters.pointPeople')).selectOption('true');
    await p.getByRole('button', { name: tab.t('common.applyFilters'), exact: true }).click();
    await p.waitForURL(/needsPointPeople=true/);
    const directory = p.getByRole('table', { name: tab.t('partners.directory.caption') });
    // (The unfiltered page stays on screen until the filtered one arrives.)
    await directory.getByRole('link', { name: CENTER }).waitFor({ state: 'detached' });
    await directory.getByRole('link', { name: LEGAL_AID }).waitFor();
    await expect(directory.getByTestId('point-people-flag').count()).resolves.toBeGreaterThan(0);
    await tab.checkAccessibility('partners.directory');
    await tab.screenshot('partners-directory', { readme: true });

    await directory.getByRole('link', { name: LEGAL_AID }).click();
    await tab.heading().filter({ hasText: LEGAL_AID }).waitFor();
    await p.getByTestId('point-people-flag').waitFor();
    const addContact = p.getByRole('form', { name: tab.t('partners.partner.addContact.heading') });
    await field(addContact, tab.t('partners.partner.addContact.name')).fill('Dana Whitfield');
    await field(addContact, tab.t('partners.partner.addContact.role')).fill('Intake coordinator');
    await addContact.getByRole('button', { name: tab.t('partners.partner.addContact.submit') }).click();
    await p.getByTestId('point-people').getByText('Dana Whitfield', { exact: true }).waitFor();
    await p.getByTestId('point-people-flag').waitFor({ state: 'detached' });
    await tab.checkAccessibility('partners.partner');
    await tab.screenshot('partners-partner', { readme: true });

    // The drafted letter of arrangement: signed, then renewed, each at the version shown.
    await nav.getByRole('link', { name: tab.t('partners.nav.agreements') }).click();
    const agreements = p.getByRole('table', { name: tab.t('partners.agreements.caption') });
    await agreements.getByRole('link', { name: DRAFTED_TITLE }).click();
    await p.waitForURL(new RegExp(`/agreements/${draftedAgreement}$`));
    const sign = p.getByRole('form', { name: tab.t('partners.actions.sign.heading') });
    await field(sign, tab.t('partners.actions.sign.signatories')).fill(
      'Labor Commissioner\nExecutive Director',
    );
    await sign.getByRole('button', { name: tab.t('partners.actions.sign.submit') }).click();
    await p
      .getByTestId('agreement-status')
      .getByText(tab.t('partners.agreementStatus.active'), { exact: true })
      .waitFor();
    const renew = p.getByRole('form', { name: tab.t('partners.actions.renew.heading') });
    await field(renew, tab.t('partners.actions.renew.expiresOn')).fill(day(400));
    await renew.getByRole('button', { name: tab.t('partners.actions.renew.submit') }).click();
    await renew.getByText(tab.t('partners.actions.renew.done')).waitFor();
    await tab.checkAccessibility('partners.agreement');
    await tab.screenshot('partners-agreement', { readme: true });

    // Expiring within 500 days: the renewed one (400 days), not the one running to 2099.
    await nav.getByRole('link', { name: tab.t('partners.nav.agreements') }).click();
    await field(p, tab.t('partners.agreements.filters.expiring')).fill('500');
    await p.getByRole('button', { name: tab.t('common.applyFilters'), exact: true }).click();
    await p.waitForURL(/expiringWithinDays=500/);
    const expiring = p.getByRole('table', {
      name: tab.t('partners.agreements.captionExpiring', { days: 500 }),
    });
    await expiring.getByRole('link', { name: /Mission worker center/ }).waitFor({ state: 'detached' });
    await reloadUntil(
      p,
      async () => (await expiring.getByRole('link', { name: DRAFTED_TITLE }).count()) === 1,
      'the renewed agreement among those expiring',
    );
    await expect(expiring.getByRole('link', { name: /Mission worker center/ }).count()).resolves.toBe(0);
    await tab.checkAccessibility('partners.agreements.expiring');
    await tab.screenshot('partners-agreements', { readme: true });

    await p.getByRole('link', { name: tab.t('partners.draft.title') }).click();
    await tab
      .heading()
      .filter({ hasText: tab.t('partners.draft.title') })
      .waitFor();
    await p.getByText(CENTER).waitFor();
    await tab.checkAccessibility('partners.draft');

    // Referrals with their consent, and the ledger.
    await nav.getByRole('link', { name: tab.t('portal.nav.referrals') }).click();
    await p
      .getByRole('table', { name: tab.t('portal.referrals.caption') })
      .getByRole('link', { name: /^Referral of / })
      .first()
      .waitFor();
    await tab.checkAccessibility('partners.referrals');
    await p.goto(`/referrals/${legalAidReferral}`);
    await p.getByTestId('worker-consent').first().waitFor();
    await tab.checkAccessibility('partners.referral');
    await tab.screenshot('partners-referral', { readme: true });
    await nav.getByRole('link', { name: tab.t('partners.nav.disclosures') }).click();
    const ledger = p.getByRole('table', { name: tab.t('partners.ledger.caption') });
    await ledger.getByRole('row').nth(1).waitFor();
    await tab.checkAccessibility('partners.ledger');
    await tab.screenshot('partners-ledger', { readme: true });
  });
});
