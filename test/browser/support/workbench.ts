/**
 * Browser tests drive the workbench as a person would: headless Chromium (Debian's `chromium`,
 * through playwright-core) against the whole system as `npm start` runs it (startSystem: every
 * service its own process, a private database and nats-server, the contract check in front of the
 * gateway). Each page collects console errors, uncaught exceptions and Content-Security-Policy
 * violations, and a test fails on any it did not expect; `checkAccessibility` runs axe on the
 * screen and fails on a serious or critical violation; `screenshot` saves the screen.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '@lse/gateway/src/auth/roles';
import { startSystem, type RunningSystem } from '../../support/system';
import { text, type Language } from './i18n';

const ROOT = resolve(__dirname, '../../..');
/** Debian's chromium package (`npm run setup` and .ci/run install it); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** `npm run screenshots` sets it: the README's screens are saved to docs/screenshots/ (committed). */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const README_SCREENSHOTS = join(ROOT, 'docs/screenshots');
const SCREENSHOTS = join(ROOT, 'var/browser/screenshots');
const AXE_RESULTS = join(ROOT, 'var/browser/axe');
/** WCAG 2.0 and 2.1 A and AA, and Section 508. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'section508'];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (npm run setup does) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** The system and a browser for one test file; `stop()` takes both down. */
export class BrowserSystem {
  private constructor(
    readonly system: RunningSystem,
    readonly browser: Browser,
  ) {}

  static async start(): Promise<BrowserSystem> {
    const [system, browser] = await Promise.all([startSystem(), launchBrowser()]);
    return new BrowserSystem(system, browser);
  }

  /** Through the contract-checking proxy: every API answer the screens get is checked too. */
  get baseUrl(): string {
    return this.system.gatewayUrl;
  }

  /** A fresh browser context (its own sessionStorage: a separate tab of a separate person). */
  async newPage(language: Language = 'en'): Promise<WorkbenchPage> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: language === 'es' ? 'es-US' : 'en-US',
      timezoneId: 'America/Los_Angeles',
    });
    context.setDefaultTimeout(15_000);
    return WorkbenchPage.open(context, language);
  }

  /** The services' recent output (var/browser/<name>.log), for diagnosing a failure. */
  saveLogs(name: string): void {
    const dir = join(ROOT, 'var/browser');
    mkdirSync(dir, { recursive: true });
    const text = [...this.system.logs]
      .map(([service, lines]) => `--- ${service}\n${lines.join('\n')}`)
      .join('\n');
    writeFileSync(join(dir, `${name}.log`), `${text}\n`);
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.system?.stop();
  }
}

export interface AxeSummary {
  screen: string;
  url: string;
  passes: number;
  violations: Array<{ id: string; impact: string | null | undefined; nodes: number; help: string }>;
}

/** One browser tab of the workbench, what went wrong in it, and how a person works it. */
export class WorkbenchPage {
  /** Console errors, uncaught exceptions and CSP violations, as they happened. */
  problems: string[] = [];
  private readonly expected: RegExp[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    /** The interface language this person uses (set on the sign-in page). */
    public language: Language,
  ) {}

  static async open(context: BrowserContext, language: Language): Promise<WorkbenchPage> {
    const problems: string[] = [];
    // Chromium reports a CSP violation as a console error too; the event also names the directive.
    await context.exposeBinding('__reportCspViolation', (_source, violation: string) => {
      problems.push(`CSP violation: ${violation}`);
    });
    // (Scripts that run in the page are strings: this project's types are Node's, not the DOM's.)
    await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
      void window.__reportCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`);
    const page = await context.newPage();
    const workbench = new WorkbenchPage(context, page, language);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.stack ?? e.message}`));
    workbench.problems = problems;
    return workbench;
  }

  /** The workbench's text for a key in this page's language. */
  t(key: string, values?: Record<string, string | number>): string {
    return text(this.language, key, values);
  }

  /**
   * A console error this test causes on purpose: Chromium logs every 4xx the app receives
   * (`Failed to load resource: ... status of 409`), so a test provoking one says so.
   */
  expectConsoleError(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  /** Fails the test on any console error, exception or CSP violation it did not expect. */
  assertNoProblems(): void {
    const unexpected = this.problems.filter((p) => !this.expected.some((e) => e.test(p)));
    expect(unexpected).toEqual([]);
  }

  /** Choose the interface language with the switch every page has. */
  async chooseLanguage(language: Language): Promise<void> {
    this.language = language;
    const button = this.page.getByRole('button', {
      name: text(language, `languages.${language}`),
      exact: true,
    });
    await button.click();
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
  }

  /**
   * Sign in through the development sign-in page as a person would: role, user id, Sign in. From
   * wherever the page is (a protected page sends the person to sign-in and back afterwards).
   * `org` is a partner user's organization. `expiresInSeconds` asks the development issuer for a
   * short session (the page has no such field: the test adds it to the request the page sends).
   */
  async signIn(
    role: Role,
    subject: string,
    options: { expiresInSeconds?: number; from?: string; org?: string } = {},
  ): Promise<void> {
    const { page } = this;
    if (options.from !== undefined) await page.goto(options.from);
    else if (page.url() === 'about:blank') await page.goto('/sign-in');
    // A protected page sends a signed-out person here by itself (with where to come back to).
    await page.waitForURL(/\/sign-in/);
    if (options.expiresInSeconds) {
      await page.route('**/api/v1/auth/development-token', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
        await route.continue({
          postData: JSON.stringify({ ...body, expiresInSeconds: options.expiresInSeconds }),
        });
      });
    }
    const pressed = page.getByRole('button', {
      name: text(this.language, `languages.${this.language}`),
      exact: true,
    });
    if ((await pressed.getAttribute('aria-pressed')) !== 'true') await this.chooseLanguage(this.language);
    await page.getByLabel(this.t('signIn.dev.role')).selectOption(role);
    await page.getByLabel(this.t('signIn.dev.subject')).fill(subject);
    // A partner user signs in for its organization (the token's `org`).
    if (options.org !== undefined) await page.getByLabel(this.t('signIn.dev.org')).fill(options.org);
    await page.getByRole('button', { name: this.t('signIn.submit'), exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByTestId('signed-in-as').waitFor();
    if (options.expiresInSeconds) await page.unroute('**/api/v1/auth/development-token');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('app.signOut'), exact: true }).click();
    await this.page.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'signed_out',
    );
  }

  /** The page's h1 (every screen has exactly one, its PageTitle). */
  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /**
   * axe on the screen as it is now (WCAG 2.1 A/AA and Section 508 rules): fails on any serious or
   * critical violation; every result is kept under var/browser/axe/<screen>.json.
   */
  async checkAccessibility(screen: string): Promise<AxeSummary> {
    await this.settle();
    const results = await new AxeBuilder({ page: this.page }).withTags(AXE_TAGS).analyze();
    const summary: AxeSummary = {
      screen,
      url: new URL(this.page.url()).pathname,
      passes: results.passes.length,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
        help: v.help,
      })),
    };
    mkdirSync(AXE_RESULTS, { recursive: true });
    writeFileSync(
      join(AXE_RESULTS, `${screen}.json`),
      `${JSON.stringify({ ...summary, violations: results.violations }, null, 2)}\n`,
    );
    const grave = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${screen}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
    expect(grave).toEqual([]);
    return summary;
  }

  /**
   * The screen as a PNG in var/browser/screenshots/ (to look at after a run); one the README
   * shows (`readme`) goes to docs/screenshots/ instead when refreshing them (npm run screenshots).
   */
  async screenshot(
    name: string,
    options: { fullPage?: boolean; failure?: boolean; readme?: boolean } = {},
  ): Promise<void> {
    const dir = options.readme && UPDATE_SCREENSHOTS && !options.failure ? README_SCREENSHOTS : SCREENSHOTS;
    mkdirSync(dir, { recursive: true });
    if (!options.failure) await this.settle();
    await this.page.screenshot({
      path: join(dir, `${name}.png`),
      fullPage: options.fullPage ?? true,
      animations: 'disabled',
    });
  }

  /** Until no table or list is still loading (aria-busy): judge what a person sees, not a spinner. */
  async settle(): Promise<void> {
    // (A locator, not waitForFunction with a string: the page's CSP forbids eval, rightly.)
    await this.page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
