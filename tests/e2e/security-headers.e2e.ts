import type { APIRequestContext, Page } from 'playwright-core';
import { createAccountLink } from './support/account-arrangements';
import { e2eBaseUrl, useBrowser, withPage } from './support/browser';
import { createUserWithoutTwoFactor, e2eDb } from './support/db';
import { enterPassword, signInAsDemoUser } from './support/sign-in';

// SECURITY.md, web: every page gets a CSP with a fresh nonce, frame-ancestors 'none', nosniff, a
// referrer policy (same-origin on token pages), HSTS in production and Cache-Control: no-store on
// authenticated and auth pages. Checked on the raw responses of the production server, each page
// fetched twice, anonymous and with a pending login or a session from a real sign-in.
//
// HSTS: next.config.ts adds it whenever the server runs a production build, whatever the protocol
// of the request. That is the decision tested here: the production server sends it on every page.
// Browsers honour it only on HTTPS responses (RFC 6797, 8.1), which is where it matters; behind a
// TLS-terminating proxy the header passes through unchanged.

// Beta Retail AG and Other Reseller AG: other accounts than the accessibility check's, so neither
// file waits for the other's TOTP step.
const TENANT = '234567.sms';
const RESELLER_TENANT = '200002.sms';
const LONG_PASSWORD = 'Quiet-Harbor-Lantern-Violet-73';
const ONE_YEAR_IN_SECONDS = 31_536_000;

type Expectation = { path: string; status?: number; isTokenPage?: boolean };
type Fetched = { status: number; headers: Record<string, string>; body: string };

async function fetchPage(request: APIRequestContext, path: string): Promise<Fetched> {
  const response = await request.get(`${e2eBaseUrl()}${path}`, { maxRedirects: 0 });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

function nonceOf(csp: string | undefined): string | undefined {
  return csp?.match(/script-src[^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}

/** CSP problems of one response; `other` is a second response of the same page (fresh nonce). */
function findCspProblems(response: Fetched, other: Fetched): string[] {
  const problems: string[] = [];
  const csp = response.headers['content-security-policy'];
  if (!csp) return ['no Content-Security-Policy'];
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
  const scriptSrc = directives.get('script-src') ?? '';
  if (directives.get('frame-ancestors') !== "'none'") problems.push(`frame-ancestors is "${directives.get('frame-ancestors')}", expected 'none'`);
  if (directives.get('object-src') !== "'none'") problems.push(`object-src is "${directives.get('object-src')}", expected 'none'`);
  if (directives.get('base-uri') !== "'none'") problems.push(`base-uri is "${directives.get('base-uri')}", expected 'none'`);
  if (/'unsafe-inline'|'unsafe-eval'/.test(scriptSrc)) problems.push(`script-src allows unsafe code: ${scriptSrc}`);
  const nonce = nonceOf(csp);
  if (!nonce || Buffer.from(nonce, 'base64').length < 16) return [...problems, `script-src has no nonce of at least 128 bits: ${scriptSrc}`];
  if (nonce === nonceOf(other.headers['content-security-policy'])) problems.push(`the same nonce on two responses: ${nonce}`);
  // The page's own scripts must carry this response's nonce, or the policy would block them.
  const scripts = [...response.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  if (scripts.length === 0) problems.push('no script tag in the page: the nonce check would prove nothing');
  const withoutNonce = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
  if (withoutNonce.length > 0) problems.push(`${withoutNonce.length} of ${scripts.length} script tags lack the response's nonce, e.g. ${withoutNonce[0]}`);
  return problems;
}

function findOtherHeaderProblems(headers: Record<string, string>, expected: Expectation): string[] {
  const problems: string[] = [];
  if (headers['x-frame-options'] !== 'DENY') problems.push(`X-Frame-Options is "${headers['x-frame-options']}" (older browsers' frame-ancestors)`);
  if (headers['x-content-type-options'] !== 'nosniff') problems.push(`X-Content-Type-Options is "${headers['x-content-type-options']}"`);
  const referrerPolicy = headers['referrer-policy'];
  if (!referrerPolicy) problems.push('no Referrer-Policy');
  // A token in the URL must not leave for another site in a Referer header: exactly one policy,
  // same-origin (no-referrer would make the page's own no-JavaScript post send Origin: null).
  if (expected.isTokenPage && referrerPolicy !== 'same-origin') problems.push(`Referrer-Policy is "${referrerPolicy}" on a token page, expected same-origin`);
  if (!/\bno-store\b/.test(headers['cache-control'] ?? '')) problems.push(`Cache-Control is "${headers['cache-control']}", expected no-store`);
  const hsts = headers['strict-transport-security'] ?? '';
  const maxAge = Number(hsts.match(/max-age=(\d+)/)?.[1] ?? 0);
  if (maxAge < ONE_YEAR_IN_SECONDS || !/includeSubDomains/i.test(hsts)) problems.push(`Strict-Transport-Security is "${hsts}", expected max-age of a year or more with includeSubDomains`);
  return problems;
}

/** Fetches each page twice and returns every header problem as a readable line (empty: all good). */
async function findHeaderProblems(request: APIRequestContext, pages: Expectation[]): Promise<string[]> {
  const problems: string[] = [];
  for (const expected of pages) {
    const first = await fetchPage(request, expected.path);
    const second = await fetchPage(request, expected.path);
    const expectedStatus = expected.status ?? 200;
    const found = [
      ...(first.status === expectedStatus ? [] : [`status ${first.status}, expected ${expectedStatus}`]),
      ...findCspProblems(first, second),
      ...findOtherHeaderProblems(first.headers, expected),
    ];
    problems.push(...found.map((text) => `${expected.path}: ${text}`));
  }
  return problems;
}

/** Content-Security-Policy reports in the browser console while `visit` runs. */
async function collectCspViolations(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const violations: string[] = [];
  const listener = (message: { text: () => string }) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  };
  page.on('console', listener);
  try {
    await visit();
  } finally {
    page.off('console', listener);
  }
  return violations;
}

describe('security headers on every page, anonymous and signed in', () => {
  const browser = useBrowser();

  test('pages without a session: login, password forgotten, reset and activation links, not found', async () => {
    const user = await createUserWithoutTwoFactor({ tenantDomain: '123456.sms', usernamePrefix: 'headers.anon', password: LONG_PASSWORD });
    const reset = await createAccountLink({ userId: user.id, purpose: 'password_reset' });
    const activation = await createAccountLink({ userId: user.id, purpose: 'activation' });
    const report = await createAccountLink({ userId: user.id, purpose: 'report' });
    const problems = await withPage(browser(), async (page) => {
      const violations = await collectCspViolations(page, async () => {
        for (const path of ['/login', reset.path]) {
          await page.goto(path);
          // The framework's inline scripts (self.__next_f) ran: the nonce let them through.
          await page.waitForFunction(() => Array.isArray((window as { __next_f?: unknown }).__next_f));
        }
      });
      const headerProblems = await findHeaderProblems(page.context().request, [
        { path: '/login' },
        { path: '/login?reason=expired' },
        { path: '/password-forgotten' },
        { path: reset.path, isTokenPage: true },
        { path: activation.path, isTokenPage: true },
        { path: report.path, isTokenPage: true },
        { path: '/activate/not-a-real-token', isTokenPage: true },
        { path: '/reset-password/not-a-real-token', isTokenPage: true },
        { path: '/no-such-page', status: 404 },
      ]);
      return [...violations.map((text) => `CSP violation in the browser: ${text}`), ...headerProblems];
    });
    expect(problems).toEqual([]);
  });

  test('pages between password and session: code, recovery code, two-factor dialog, setup', async () => {
    const withoutTwoFactor = await createUserWithoutTwoFactor({ tenantDomain: '123456.sms', usernamePrefix: 'headers.pending', password: LONG_PASSWORD });
    const problems: string[] = [];
    problems.push(
      ...(await withPage(browser(), async (page) => {
        await enterPassword(page, { tenantDomain: TENANT, username: 'admin' });
        await page.waitForURL('**/login/code');
        return findHeaderProblems(page.context().request, [{ path: '/login/code' }, { path: '/login/recovery' }]);
      })),
    );
    problems.push(
      ...(await withPage(browser(), async (page) => {
        await enterPassword(page, { tenantDomain: '123456.sms', username: withoutTwoFactor.username, password: LONG_PASSWORD });
        await page.waitForURL('**/login/two-factor-required');
        const before = await findHeaderProblems(page.context().request, [{ path: '/login/two-factor-required' }]);
        await page.getByRole('button', { name: 'Enable 2FA' }).click();
        await page.waitForURL('**/login/setup');
        // The setup page shows a TOTP secret: above all it must never be stored by a cache.
        return [...before, ...(await findHeaderProblems(page.context().request, [{ path: '/login/setup' }]))];
      })),
    );
    expect(problems).toEqual([]);
  });

  test('signed-in pages: tenant pages and security page (customer admin), customer selection and customer pages (reseller)', async () => {
    const { rows } = await e2eDb().query<{ id: string }>(
      `insert into configuration_profiles (tenant_id, name, platform, settings)
       select id, $1, 'ios', '{"passcodeMinLength":6,"screenLockMinutes":5,"cameraAllowed":true,"wifiNetworks":[],"allowAppStore":true}'::jsonb
       from tenants where tenant_domain = $2 returning id`,
      [`Headers ${Date.now()}`, TENANT],
    );
    const base = `/tenant/${TENANT}`;
    const problems: string[] = [];
    problems.push(
      ...(await withPage(browser(), async (page) => {
        const violations = await collectCspViolations(page, () => signInAsDemoUser(page, { tenantDomain: TENANT, username: 'admin', landsOn: `**${base}` }));
        const headerProblems = await findHeaderProblems(page.context().request, [
          { path: base },
          { path: `${base}/users` },
          { path: `${base}/configurations` },
          { path: `${base}/configurations/new` },
          { path: `${base}/configurations/${rows[0]!.id}` },
          { path: `${base}/audit` },
          { path: '/security' },
          { path: `${base}/configurations/00000000-0000-4000-8000-000000000000`, status: 404 },
        ]);
        return [...violations.map((text) => `CSP violation in the browser: ${text}`), ...headerProblems];
      })),
    );
    problems.push(
      ...(await withPage(browser(), async (page) => {
        await signInAsDemoUser(page, { tenantDomain: RESELLER_TENANT, username: 'reseller.admin', landsOn: '**/customer-selection' });
        return findHeaderProblems(page.context().request, [
          { path: '/customer-selection' },
          { path: `/tenant/${RESELLER_TENANT}` },
          { path: `/tenant/${RESELLER_TENANT}/customers` },
          { path: `/tenant/${RESELLER_TENANT}/customers/expiring` },
          { path: `/tenant/${RESELLER_TENANT}/compliance` },
        ]);
      })),
    );
    expect(problems).toEqual([]);
  });
});
