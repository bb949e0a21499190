import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findAccessibilityViolations } from './support/axe';
import { e2eBaseUrl, launchBrowser, saveScreenshot, withPage } from './support/browser';
import { closeE2eDb, createUserWithoutTwoFactor, e2eDb } from './support/db';
import { createAccountLink, markRspLinked } from './support/account-arrangements';
import type { DevMailboxRenderInput, DevMailboxRenderOutput } from './support/render-dev-mailbox';
import { waitForEmail } from './support/sent-emails';
import { enterPassword, signInAsDemoUser } from './support/sign-in';

// Every page of the portal, in English and German, must pass axe-core's WCAG 2.x A/AA rules with no
// serious or critical violation. One browser context per person: the language is switched with the
// locale cookie (what the language switcher sets), so each sign-in (one TOTP step) serves both.
// Findings are collected per test and reported together, so one run shows every page's problems.

// German first: each check ends in English, so the steps after it can use the English labels.
const LANGUAGES = ['de', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

const TENANT = '123456.sms';
const RESELLER_TENANT = '100001.sms';
const LONG_PASSWORD = 'Quiet-Harbor-Lantern-Violet-73';

type PageCheck = {
  /** Names the findings and the screenshot (`<name>-<language>.png`). */
  name: string;
  /** Opens the page (or state) to check; runs once per language, with the locale cookie already set. */
  open: (page: Page) => Promise<void>;
  /** Main pages get a screenshot per language in test-results/screenshots/. */
  screenshot?: boolean;
};

async function useLanguage(context: BrowserContext, language: Language): Promise<void> {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: language, url: e2eBaseUrl() }]);
}

/**
 * Opens `path`, makes sure it is the page asked for (the not-found page has a heading too) and
 * waits until its first heading is shown.
 */
async function openPath(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path);
  if (response?.status() !== expectedStatus) throw new Error(`GET ${path} answered ${response?.status()}, expected ${expectedStatus}`);
  await page.locator('h1').first().waitFor();
}

/**
 * Checks one page in both languages and returns every finding: axe violations, an <html lang>
 * that does not match the language (which would also mean the German run checked English text),
 * and a page wider than the window.
 */
async function checkInBothLanguages(page: Page, check: PageCheck): Promise<string[]> {
  const findings: string[] = [];
  for (const language of LANGUAGES) {
    await useLanguage(page.context(), language);
    await check.open(page);
    const where = `${check.name} (${language}, ${new URL(page.url()).pathname})`;
    const lang = await page.locator('html').getAttribute('lang');
    if (lang !== language) findings.push(`${where}: <html lang="${lang}">, expected "${language}"`);
    // Wide tables scroll inside their own region; the page itself never scrolls sideways.
    const [pageWidth, windowWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (pageWidth > windowWidth) findings.push(`${where}: the page is ${pageWidth}px wide in a ${windowWidth}px window (scrolls sideways)`);
    findings.push(...(await findAccessibilityViolations(page, where)));
    if (check.screenshot) await saveScreenshot(page, `${check.name}-${language}`);
  }
  return findings;
}

async function checkAll(page: Page, checks: PageCheck[]): Promise<string[]> {
  const findings: string[] = [];
  for (const check of checks) findings.push(...(await checkInBothLanguages(page, check)));
  return findings;
}

/** A failed login: the form with its error message (fields are found by name: labels differ by language). */
async function showLoginError(page: Page): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="tenantDomain"]').fill(TENANT);
  await page.locator('input[name="username"]').fill(`nobody.${Date.now().toString(36)}`);
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.getByRole('alert').first().waitFor();
}

async function requestPasswordReset(page: Page, username: string): Promise<void> {
  await page.goto('/password-forgotten');
  await page.locator('input[name="tenantDomain"]').fill(TENANT);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('form:has(input[name="username"]) button[type="submit"]').click();
  await page.getByRole('status').filter({ hasText: /\S/ }).first().waitFor();
}

/** The development mailbox's markup, rendered by its own components in a tsx child process. */
function renderDevMailbox(input: DevMailboxRenderInput): DevMailboxRenderOutput {
  const result = spawnSync('npx', ['--no', 'tsx', path.join(__dirname, 'support', 'render-dev-mailbox.tsx')], {
    cwd: path.resolve(__dirname, '..', '..'),
    input: JSON.stringify(input),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`rendering the dev mailbox failed: ${result.stderr || result.error?.message}`);
  return JSON.parse(result.stdout) as DevMailboxRenderOutput;
}

/** The production stylesheets, inlined, so contrast and layout are judged as the portal shows them. */
async function loadPortalStylesheets(page: Page): Promise<string> {
  await page.goto('/login');
  const hrefs = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  if (hrefs.length === 0) throw new Error('the login page links no stylesheet');
  const sheets = await Promise.all(hrefs.map(async (href) => (await page.context().request.get(href)).text()));
  // Leave the portal's page: its CSP (nonce styles only) would also block the inlined stylesheet.
  await page.goto('about:blank');
  return sheets.join('\n');
}

describe('accessibility: every page passes axe-core (WCAG 2.x A/AA) in English and German', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await closeE2eDb();
  });

  test('pages without a session: login, password forgotten, reset and activation links, not found', async () => {
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'a11y.reset', password: LONG_PASSWORD });
    const activation = await createAccountLink({ userId: user.id, purpose: 'activation' });
    const report = await createAccountLink({ userId: user.id, purpose: 'report' });
    const findings = await withPage(browser, async (page) => {
      const checks: PageCheck[] = [
        { name: 'login', open: (p) => openPath(p, '/login'), screenshot: true },
        { name: 'login-error', open: showLoginError },
        { name: 'login-expired', open: (p) => openPath(p, '/login?reason=expired') },
        { name: 'login-logged-out', open: (p) => openPath(p, '/login?reason=loggedOut') },
        { name: 'password-forgotten', open: (p) => openPath(p, '/password-forgotten'), screenshot: true },
        { name: 'password-forgotten-sent', open: (p) => requestPasswordReset(p, user.username) },
      ];
      const result = await checkAll(page, checks);

      // The link from the real email (the newest one: each request replaced the older link).
      const email = await waitForEmail({ to: user.email });
      const resetLink = email.links.find((href) => href.includes('/reset-password/'));
      if (!resetLink) throw new Error(`no reset link in: ${email.links.join(', ')}`);
      result.push(
        ...(await checkAll(page, [
          { name: 'reset-password', open: (p) => openPath(p, resetLink), screenshot: true },
          { name: 'activate', open: (p) => openPath(p, activation.path), screenshot: true },
          { name: 'activate-invalid-link', open: (p) => openPath(p, '/activate/not-a-real-token') },
          { name: 'report', open: (p) => openPath(p, report.path), screenshot: true },
          { name: 'not-found', open: (p) => openPath(p, '/no-such-page', 404), screenshot: true },
        ])),
      );
      return result;
    });
    expect(findings).toEqual([]);
  });

  test('between password and session: code, recovery code, two-factor dialog (portal-only and RSP-linked), setup', async () => {
    const portalOnly = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'a11y.portal', password: LONG_PASSWORD });
    const rspLinked = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'a11y.rsp', password: LONG_PASSWORD });
    await markRspLinked(rspLinked.id);

    const findings: string[] = [];
    findings.push(
      ...(await withPage(browser, async (page) => {
        // helpdesk has two-factor; the pending login is never finished here, so no TOTP step is used.
        await enterPassword(page, { tenantDomain: TENANT, username: 'helpdesk' });
        await page.waitForURL('**/login/code');
        return checkAll(page, [
          { name: 'login-code', open: (p) => openPath(p, '/login/code'), screenshot: true },
          { name: 'login-recovery', open: (p) => openPath(p, '/login/recovery') },
        ]);
      })),
    );
    findings.push(
      ...(await withPage(browser, async (page) => {
        await enterPassword(page, { tenantDomain: TENANT, username: rspLinked.username, password: LONG_PASSWORD });
        await page.waitForURL('**/login/two-factor-required');
        return checkAll(page, [{ name: 'two-factor-required-rsp-linked', open: openDialog }]);
      })),
    );
    findings.push(
      ...(await withPage(browser, async (page) => {
        await enterPassword(page, { tenantDomain: TENANT, username: portalOnly.username, password: LONG_PASSWORD });
        await page.waitForURL('**/login/two-factor-required');
        const result = await checkAll(page, [{ name: 'two-factor-required-portal-only', open: openDialog, screenshot: true }]);
        await page.getByRole('button', { name: 'Enable 2FA' }).click();
        await page.waitForURL('**/login/setup');
        await page.locator('.two-factor-secret').waitFor();
        result.push(...(await checkAll(page, [{ name: 'login-setup', open: (p) => openPath(p, '/login/setup'), screenshot: true }])));
        return result;
      })),
    );
    expect(findings).toEqual([]);
  });

  test('customer admin: tenant overview, users, configurations, a profile, audit, security page', async () => {
    const { rows } = await e2eDb().query<{ id: string }>(
      `insert into configuration_profiles (tenant_id, name, platform, settings)
       select id, $1, 'android', '{"passcodeMinLength":8,"screenLockMinutes":5,"cameraAllowed":false,"wifiNetworks":["Warehouse"],"allowUnknownSources":false}'::jsonb
       from tenants where tenant_domain = $2 returning id`,
      [`Accessibility ${Date.now()}`, TENANT],
    );
    const profilePath = `/tenant/${TENANT}/configurations/${rows[0]!.id}`;
    const findings = await withPage(browser, async (page) => {
      await signInAsDemoUser(page, { tenantDomain: TENANT, username: 'admin', landsOn: `**/tenant/${TENANT}` });
      const base = `/tenant/${TENANT}`;
      return checkAll(page, [
        { name: 'tenant-overview', open: (p) => openPath(p, base), screenshot: true },
        { name: 'tenant-users', open: (p) => openPath(p, `${base}/users`), screenshot: true },
        { name: 'tenant-configurations', open: (p) => openPath(p, `${base}/configurations`), screenshot: true },
        { name: 'tenant-configurations-new', open: (p) => openPath(p, `${base}/configurations/new`) },
        { name: 'tenant-configuration-profile', open: (p) => openPath(p, profilePath) },
        { name: 'tenant-audit', open: (p) => openPath(p, `${base}/audit`), screenshot: true },
        { name: 'security', open: (p) => openPath(p, '/security'), screenshot: true },
        { name: 'tenant-not-found', open: (p) => openPath(p, `${base}/configurations/00000000-0000-4000-8000-000000000000`, 404) },
      ]);
    });
    expect(findings).toEqual([]);
  });

  test('reseller: customer switcher, quick switcher, customers with the license dialog, expiring licenses, two-factor compliance', async () => {
    const findings = await withPage(browser, async (page) => {
      await signInAsDemoUser(page, { tenantDomain: RESELLER_TENANT, username: 'reseller.admin', landsOn: '**/customers' });
      const base = `/tenant/${RESELLER_TENANT}`;
      return checkAll(page, [
        { name: 'customer-switcher', open: (p) => openPath(p, '/customers'), screenshot: true },
        {
          // The reseller's own overview, with the header's customer menu open.
          name: 'reseller-overview-quick-switcher-open',
          open: async (p) => {
            await openPath(p, base);
            await p.locator('header .quick-switcher > button[aria-expanded]').click();
            await p.locator('.quick-switcher__panel li').first().waitFor();
          },
        },
        { name: 'tenant-customers', open: (p) => openPath(p, `${base}/customers`), screenshot: true },
        {
          name: 'create-license-dialog',
          open: async (p) => {
            await openPath(p, `${base}/customers`);
            await p.locator('main button[aria-expanded][aria-controls]').first().click();
            await p.locator('main [role="dialog"]').waitFor();
          },
        },
        { name: 'tenant-customers-expiring', open: (p) => openPath(p, `${base}/customers/expiring`), screenshot: true },
        { name: 'tenant-compliance', open: (p) => openPath(p, `${base}/compliance`) },
      ]);
    });
    expect(findings).toEqual([]);
  });

  test('development mailbox (only in development builds): its components, with the portal stylesheet, in Chromium', async () => {
    // The suite runs the production build, where /dev/mailbox answers 404 by design. Its page bodies
    // are components (DevMailboxInbox, DevMailboxMessageView): render those with a real email the
    // portal sent in this run, and load them with the production stylesheets.
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'a11y.mail', password: LONG_PASSWORD });
    const findings = await withPage(browser, async (page) => {
      await requestPasswordReset(page, user.username);
      const sample = await waitForEmail({ to: user.email });
      const css = await loadPortalStylesheets(page);
      const result: string[] = [];
      const entry = { id: '6f1c1e1a-1111-4111-8111-111111111111', to: user.email, subject: sample.subject, createdAt: new Date().toISOString(), status: 'sent' };
      const rendered = renderDevMailbox({
        entries: [entry, { ...entry, id: '6f1c1e1a-2222-4222-8222-222222222222', status: 'pending' }],
        message: { ...entry, html: sample.html, text: sample.text },
      });
      for (const language of LANGUAGES) {
        const { title, inbox, emptyInbox, message } = rendered[language];
        for (const [name, body] of [['dev-mailbox', inbox], ['dev-mailbox-empty', emptyInbox], ['dev-mailbox-message', message]] as const) {
          await page.setContent(`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body>${body}</body></html>`);
          // The email inside the sandboxed frame is checked on its own below.
          result.push(...(await findAccessibilityViolations(page, `${name} (${language}, rendered components)`, { exclude: ['iframe'] })));
          if (name !== 'dev-mailbox-empty') await saveScreenshot(page, `${name}-${language}`);
        }
      }
      // What the frame shows (and /dev/mailbox/<id>/html serves): the email as the portal sent it.
      await page.setContent(sample.html);
      result.push(...(await findAccessibilityViolations(page, 'dev-mailbox-message-html (the email itself)')));
      return result;
    });
    expect(findings).toEqual([]);
  });
});

/** The two-factor dialog opens itself (showModal) once the page has hydrated. */
async function openDialog(page: Page): Promise<void> {
  await page.goto('/login/two-factor-required');
  await page.locator('dialog[open]').waitFor();
}
