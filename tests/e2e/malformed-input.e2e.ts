import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { e2eBaseUrl, useBrowser } from './support/browser';
import { createUserWithoutTwoFactor, e2eDb } from './support/db';
import {
  BROKEN_UTF8,
  actionIdsOf,
  discoverForms,
  forgedActionCalls,
  judgeAnswer,
  malformedVariants,
  multipartBody,
  send,
  type Answer,
  type DiscoveredForm,
} from './support/malformed-requests';
import { signInAsDemoReseller } from './support/reseller-portal';
import { waitForEmail } from './support/sent-emails';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, enterCode, enterPassword } from './support/sign-in';
import { unusedTotpCode } from './support/totp';

// Failure drill (issue 5): malformed input at every form and route of the production server.
// Each answer must be a clear 4xx, a redirect or a page with a message; never a 5xx, never a
// stack trace. Findings are collected and reported together, so one run shows all of them.

const TENANT = '123456.sms';
const SESSION_COOKIE = 'authjs.session-token';

type Problem = string;

function cookieHeader(cookies: { name: string; value: string }[]): string {
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** An Auth.js session token (encrypted JWT) for these claims, made with `secret` by Auth.js itself. */
function encodeSessionToken(claims: Record<string, unknown>, secret: string): string {
  // Auth.js ships as ES modules only, which jest here cannot load: a child process encodes.
  const script = `import { encode } from '@auth/core/jwt';
    const token = await encode({ token: JSON.parse(process.argv[1]), secret: process.argv[2], salt: '${SESSION_COOKIE}' });
    process.stdout.write(token);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(claims), secret], { encoding: 'utf8' });
}

function appSecret(): string {
  const env = JSON.parse(process.env.E2E_APP_ENV_JSON ?? '{}') as Record<string, string>;
  if (!env.AUTH_SECRET) throw new Error('E2E_APP_ENV_JSON (with AUTH_SECRET) is not set: run the browser suite with `npm run test:e2e`');
  return env.AUTH_SECRET;
}

describe('malformed input at every form and route', () => {
  const browser = useBrowser();
  let page: Page;
  const baseUrl = () => e2eBaseUrl();

  beforeAll(async () => {
    // Only for DOMParser (form discovery) and for the sign-ins that produce real cookies.
    page = await (await browser().newContext({ baseURL: baseUrl(), locale: 'en-US' })).newPage();
  });

  /** Posts every malformed variant of every form (as a browser without JavaScript would), then forged fetch-style calls of its actions. */
  async function attackForms(forms: DiscoveredForm[], cookie: string): Promise<Problem[]> {
    const problems: Problem[] = [];
    for (const variant of actionIdsOf(forms).flatMap(forgedActionCalls)) {
      const multipart = variant.text === undefined ? multipartBody(variant.parts) : null;
      const answer = await send(`${baseUrl()}${forms[0]!.postPath}`, {
        method: 'POST',
        headers: {
          'content-type': multipart?.contentType ?? 'text/plain;charset=UTF-8',
          'next-action': variant.actionId!,
          accept: 'text/x-component',
          cookie,
          origin: baseUrl(),
        },
        body: multipart?.body ?? variant.text,
      });
      const problem = judgeAnswer(answer, { expectMessageOn200: false });
      if (problem) problems.push(`${forms[0]!.postPath} action ${variant.actionId!.slice(0, 8)}…, ${variant.name}: ${problem}`);
    }
    for (const form of forms) {
      for (const variant of malformedVariants(form)) {
        const { body, contentType } = multipartBody(variant.parts);
        const answer = await send(`${baseUrl()}${form.postPath}`, {
          method: 'POST',
          headers: { 'content-type': contentType, cookie, origin: baseUrl() },
          body,
        });
        const problem = judgeAnswer(answer, { expectMessageOn200: true });
        if (problem) problems.push(`${form.label}, ${variant.name}: ${problem}`);
      }
    }
    return problems;
  }

  /** The requests that do not depend on a form: garbage bodies, bogus action ids, garbage cookies. */
  async function attackRoute(path: string, cookie: string): Promise<Problem[]> {
    const url = `${baseUrl()}${path}`;
    const attempts: [string, Promise<Answer>][] = [
      ['GET', send(url, { headers: { cookie } })],
      [
        'server action with a bogus Next-Action id',
        send(url, {
          method: 'POST',
          headers: { cookie, origin: baseUrl(), 'next-action': 'f'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
          body: '["$K1"]',
        }),
      ],
      [
        'server action id of garbage bytes',
        send(url, { method: 'POST', headers: { cookie, origin: baseUrl(), 'next-action': '%ff../../x', 'content-type': 'text/plain' }, body: BROKEN_UTF8 }),
      ],
      [
        'multipart that is not multipart',
        send(url, {
          method: 'POST',
          headers: { cookie, origin: baseUrl(), 'content-type': 'multipart/form-data; boundary=----nothing' },
          body: 'this is not multipart at all',
        }),
      ],
      [
        'multipart without a boundary',
        send(url, { method: 'POST', headers: { cookie, origin: baseUrl(), 'content-type': 'multipart/form-data' }, body: BROKEN_UTF8 }),
      ],
      [
        'url-encoded garbage',
        send(url, {
          method: 'POST',
          headers: { cookie, origin: baseUrl(), 'content-type': 'application/x-www-form-urlencoded' },
          body: '%ff%fe=%00&$ACTION_ID_ffff=1&a[b][c]=d',
        }),
      ],
      ['JSON body', send(url, { method: 'POST', headers: { cookie, origin: baseUrl(), 'content-type': 'application/json' }, body: '{"role":"admin"' })],
      [
        'a form post from another origin',
        send(url, {
          method: 'POST',
          headers: { cookie, origin: 'https://evil.example', 'next-action': 'f'.repeat(42), 'content-type': 'text/plain' },
          body: '[]',
        }),
      ],
    ];
    const problems: Problem[] = [];
    const shownPath = path.length > 100 ? `${path.slice(0, 100)}…` : path;
    for (const [name, pending] of attempts) {
      const problem = judgeAnswer(await pending, { expectMessageOn200: false });
      if (problem) problems.push(`${shownPath}, ${name}: ${problem}`);
    }
    return problems;
  }

  const garbageRoutes = (tenant: string) => [
    '/tenant/%ff',
    '/tenant/%ff%fe%00/users',
    `/tenant/${'9'.repeat(3000)}.sms`,
    '/tenant/..%2f..%2fetc%2fpasswd',
    `/tenant/${tenant}/configurations/%ff`,
    `/tenant/${tenant}/configurations/not-a-uuid`,
    `/tenant/${tenant}/configurations/${randomUUID()}`,
    `/tenant/${tenant}/audit?page=%ff&cursor=%00&action=${'x'.repeat(5000)}`,
    `/tenant/${tenant}/audit?actor=%00`,
    `/tenant/${tenant}/audit?action=%00`,
    `/tenant/${tenant}/audit?actor=a%00b&action=login%00`,
    `/tenant/${tenant}/users?q=%00%ff`,
    `/tenant/${tenant}/customers?q=%00&page=-1`,
    `/tenant/${tenant}/customers/expiring?days=%ff`,
    '/reset-password/%ff',
    `/reset-password/${'A'.repeat(5000)}`,
    '/reset-password/%00',
    '/activate/%ff%fe',
    `/activate/${randomBytes(32).toString('base64url')}`,
    `/customer-selection/search?q=${'x'.repeat(100_000)}`,
    '/customer-selection/search?q=%00%ff%fe&cursor=%ff',
    `/customer-selection/search?cursor=${Buffer.from('["a","not-a-uuid"]').toString('base64url')}`,
    '/customer-selection?q=%00%ff',
    '/login?reason=%ff%00&returnTo=%ff',
    '/login/code',
    '/login/recovery',
    '/login/setup',
    '/login/two-factor-required',
    '/security',
    '/dev/mailbox',
    '/dev/mailbox/%ff/html',
    '/api/health?probe=%ff%00',
    '/api/auth/session',
    '/api/auth/csrf',
    '/api/auth/%ff',
    '/api/auth/callback/credentials',
    '/api/auth/signin/%00',
    '/%ff%fe',
  ];

  test('anonymous: the login and password-forgotten forms, every route, garbage and forged session cookies', async () => {
    const forms = [
      ...(await discoverForms({ page, baseUrl: baseUrl(), path: '/login', cookie: '' })),
      ...(await discoverForms({ page, baseUrl: baseUrl(), path: '/password-forgotten', cookie: '' })),
    ];
    // The login form and the password-forgotten form at least (plus the language switcher).
    expect(forms.filter((form) => form.fields.some((field) => field.name === 'username')).length).toBe(2);
    const problems = await attackForms(forms, '');

    const secret = appSecret();
    const cookies: [string, string][] = [
      ['no cookie', ''],
      ['garbage session cookie', `${SESSION_COOKIE}=${randomBytes(200).toString('base64')}`],
      ['session cookie of broken bytes', `${SESSION_COOKIE}=%ff%fe%00; msp_pending_login=%ff; msp_last_tenant=%00%ff; NEXT_LOCALE=%ff`],
      ['oversized session cookie', `${SESSION_COOKIE}=${'A'.repeat(12_000)}`],
      ['unsigned JWT (alg none)', `${SESSION_COOKIE}=${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sid: randomUUID(), sv: 1 })).toString('base64url')}.`],
      ['JWT encrypted with another secret', `${SESSION_COOKIE}=${encodeSessionToken({ sid: randomUUID(), sv: 1 }, randomBytes(33).toString('base64'))}`],
      ['validly encrypted JWT naming no session', `${SESSION_COOKIE}=${encodeSessionToken({ sid: randomUUID(), sv: 1 }, secret)}`],
      ['validly encrypted JWT with injection as session id', `${SESSION_COOKIE}=${encodeSessionToken({ sid: "x' OR 1=1 --", sv: 'x' }, secret)}`],
      ['chunked session cookie of garbage', `${SESSION_COOKIE}.0=${'%ff'.repeat(100)}; ${SESSION_COOKIE}.1=%00`],
    ];
    for (const [name, cookie] of cookies) {
      for (const path of ['/', `/tenant/${TENANT}`, `/tenant/${TENANT}/users`, '/customer-selection', '/security', '/customer-selection/search?q=a', '/login', '/api/auth/session']) {
        const answer = await send(`${baseUrl()}${path}`, { headers: { cookie } });
        const problem = judgeAnswer(answer, { expectMessageOn200: false });
        if (problem) problems.push(`${path} with ${name}: ${problem}`);
        // None of them opens a signed-in page.
        if (path.startsWith('/tenant/') && answer.status === 200) problems.push(`${path} with ${name}: opened without a session`);
      }
    }

    for (const path of garbageRoutes(TENANT)) problems.push(...(await attackRoute(path, '')));
    expect(problems).toEqual([]);
  });

  test('the code, recovery, two-factor-required and setup steps of a login', async () => {
    const problems: Problem[] = [];
    // A pending login waiting for a code (password step only: no code is used up).
    await page.context().clearCookies();
    await enterPassword(page, { tenantDomain: '456789.sms', username: 'admin' });
    await page.waitForURL('**/login/code');
    let cookie = cookieHeader(await page.context().cookies());
    for (const path of ['/login/code', '/login/recovery']) {
      const forms = await discoverForms({ page, baseUrl: baseUrl(), path, cookie });
      expect(forms.length).toBeGreaterThan(0);
      problems.push(...(await attackForms(forms, cookie)));
      problems.push(...(await attackRoute(path, cookie)));
    }

    // A pending login of an administrator without two-factor: the dialog, then the setup.
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'drill', password: 'Drill-Password-Long-Enough-1' });
    await page.context().clearCookies();
    await enterPassword(page, { tenantDomain: TENANT, username: user.username, password: 'Drill-Password-Long-Enough-1' });
    await page.waitForURL('**/login/two-factor-required');
    cookie = cookieHeader(await page.context().cookies());
    const dialogForms = await discoverForms({ page, baseUrl: baseUrl(), path: '/login/two-factor-required', cookie });
    expect(dialogForms.length).toBeGreaterThan(0);
    problems.push(...(await attackForms(dialogForms, cookie)));
    problems.push(...(await attackRoute('/login/two-factor-required', cookie)));

    await page.getByRole('button', { name: /set up|activate|enable/i }).first().click();
    await page.waitForURL('**/login/setup');
    cookie = cookieHeader(await page.context().cookies());
    const setupForms = await discoverForms({ page, baseUrl: baseUrl(), path: '/login/setup', cookie });
    expect(setupForms.some((form) => form.fields.length > 0)).toBe(true);
    problems.push(...(await attackForms(setupForms, cookie)));
    problems.push(...(await attackRoute('/login/setup', cookie)));
    expect(problems).toEqual([]);
  });

  test('the reset-password page of a live link', async () => {
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'drill.reset', password: 'Drill-Reset-Long-Enough-1' });
    await page.context().clearCookies();
    await page.goto('/password-forgotten');
    await page.getByLabel('Tenant domain', { exact: true }).fill(TENANT);
    await page.getByLabel('Username', { exact: true }).fill(user.username);
    await page.getByRole('button', { name: 'Send reset email' }).click();
    await page.getByRole('status').filter({ hasText: 'If the account exists' }).waitFor();
    const email = await waitForEmail({ to: user.email });
    const link = email.links.find((href) => href.includes('/reset-password/'));
    if (!link) throw new Error('no reset link in the email');
    const path = new URL(link).pathname;

    const forms = await discoverForms({ page, baseUrl: baseUrl(), path, cookie: '' });
    expect(forms.some((form) => form.fields.some((field) => field.type === 'password'))).toBe(true);
    const problems = [...(await attackForms(forms, '')), ...(await attackRoute(path, ''))];
    expect(problems).toEqual([]);
    // None of the malformed submissions used up the link or changed the password.
    const { rows } = await e2eDb().query<{ used: number }>(
      `select count(*)::int as used from account_tokens t join users u on u.id = t.user_id where u.id = $1 and t.used_at is not null`,
      [user.id],
    );
    expect(rows[0]!.used).toBe(0);
  });

  async function signIn(account: { tenantDomain: string; username: string; landsOn: string }): Promise<string> {
    await page.context().clearCookies();
    await enterPassword(page, { tenantDomain: account.tenantDomain, username: account.username, password: DEMO_PASSWORD });
    await page.waitForURL('**/login/code');
    await enterCode(page, await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET }));
    await page.waitForURL(account.landsOn);
    return cookieHeader(await page.context().cookies(e2eBaseUrl()));
  }

  /** The demo reseller is RSP-linked: it signs in through the stand-in Reseller Portal (issue 15). */
  async function signInAsReseller(): Promise<string> {
    await page.context().clearCookies();
    await signInAsDemoReseller(page);
    return cookieHeader(await page.context().cookies(e2eBaseUrl()));
  }

  /** Every form of these pages, the pages themselves and the garbage routes, with a real session. */
  async function attackSignedIn(pages: string[], cookie: string, tenant: string): Promise<Problem[]> {
    const problems: Problem[] = [];
    let formCount = 0;
    for (const path of pages) {
      // Forms without fields (log out, send to all) are skipped by malformedVariants: any post runs them.
      const forms = await discoverForms({ page, baseUrl: baseUrl(), path, cookie });
      formCount += forms.filter((form) => form.fields.length > 0).length;
      problems.push(...(await attackForms(forms, cookie)));
      problems.push(...(await attackRoute(path, cookie)));
    }
    expect(formCount).toBeGreaterThan(pages.length);
    for (const path of garbageRoutes(tenant)) problems.push(...(await attackRoute(path, cookie)));
    // The session survived all of it: the person is still signed in.
    expect((await send(`${baseUrl()}${pages[0]}`, { headers: { cookie } })).status).toBe(200);
    return problems;
  }

  test('signed in as a customer administrator: every tenant page and the security page', async () => {
    const cookie = await signIn({ tenantDomain: TENANT, username: 'admin', landsOn: `**/tenant/${TENANT}` });
    const { rows: profiles } = await e2eDb().query<{ id: string }>(
      'select p.id from configuration_profiles p join tenants t on t.id = p.tenant_id where t.tenant_domain = $1 limit 1',
      [TENANT],
    );
    const pages = [
      `/tenant/${TENANT}`,
      `/tenant/${TENANT}/users`,
      `/tenant/${TENANT}/configurations`,
      `/tenant/${TENANT}/configurations/new`,
      ...profiles.map((profile) => `/tenant/${TENANT}/configurations/${profile.id}`),
      `/tenant/${TENANT}/audit`,
      '/security',
    ];
    expect(await attackSignedIn(pages, cookie, TENANT)).toEqual([]);
  });

  test('signed in as a reseller administrator: the customer selection, customers, licenses and compliance pages', async () => {
    const reseller = '100001.sms';
    const cookie = await signInAsReseller();
    const pages = ['/customer-selection', `/tenant/${reseller}/customers`, `/tenant/${reseller}/customers/expiring`, `/tenant/${reseller}/compliance`, `/tenant/${reseller}/users`];
    expect(await attackSignedIn(pages, cookie, reseller)).toEqual([]);
  });
});
