import type { Page } from 'playwright-core';
import { startCuttableTcpProxy, throughProxy, type CuttableTcpProxy } from '../support/cuttable-tcp-proxy';
import { saveScreenshot, useBrowser } from './support/browser';
import { logMark, readLogEvents, startExtraInstance, waitForLogEvents, type AppInstance } from './support/second-instance';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './support/sign-in';
import { unusedTotpCode } from './support/totp';

// Failure drill (issue 5): PostgreSQL goes away while people sign in. A second production server,
// same configuration as the suite's, reaches the database through a TCP proxy the test cuts and
// restores. The server is never restarted: it must recover by itself.

const account = { tenantDomain: '234567.sms', username: 'admin' };
const UNAVAILABLE = 'Logging in is not possible right now. Please try again later.';
// What a leaked stack trace or driver error would look like in a page.
const LEAK_PATTERN = /\n\s+at \S+ \(|ECONNRESET|ECONNREFUSED|Failed query|node_modules|webpack-internal/;

describe('PostgreSQL unavailable during login', () => {
  const browser = useBrowser();
  let proxy: CuttableTcpProxy;
  let server: AppInstance & { stop: () => Promise<void> };

  beforeAll(async () => {
    const databaseUrl = process.env.E2E_DATABASE_URL!;
    const target = new URL(databaseUrl);
    proxy = await startCuttableTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startExtraInstance({
      name: 'outage',
      logFile: 'e2e-outage-server.log',
      overrides: (baseUrl) => ({ DATABASE_URL: throughProxy(databaseUrl, proxy), PUBLIC_BASE_URL: baseUrl, AUTH_URL: baseUrl }),
    });
  });

  afterAll(async () => {
    proxy?.restore();
    await server?.stop();
    await proxy?.close();
  });

  async function withOutagePage<T>(steps: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser().newContext({ baseURL: server.baseUrl, locale: 'en-US' });
    const page = await context.newPage();
    try {
      return await steps(page);
    } catch (error) {
      await saveScreenshot(page, `failed-${expect.getState().currentTestName ?? 'database-outage'}`).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  async function enterPassword(page: Page) {
    await page.goto('/login');
    await page.getByLabel('Tenant domain', { exact: true }).fill(account.tenantDomain);
    await page.getByLabel('Username', { exact: true }).fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
  }

  async function expectHealth(status: number, database: 'up' | 'down') {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ database });
  }

  test('the person sees a clear message, health says 503, and login works again once the database is back', async () => {
    await withOutagePage(async (page) => {
      await expectHealth(200, 'up');
      await page.goto('/login');

      proxy.cut();
      await expectHealth(503, 'down');
      await page.getByLabel('Tenant domain', { exact: true }).fill(account.tenantDomain);
      await page.getByLabel('Username', { exact: true }).fill(account.username);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: UNAVAILABLE }).waitFor();
      expect(page.url()).toContain('/login');
      expect(await page.locator('body').innerText()).not.toMatch(LEAK_PATTERN);

      proxy.restore();
      await expectHealth(200, 'up');
      await enterPassword(page);
      await page.waitForURL('**/login/code');
      await page.getByLabel('Authentication code', { exact: true }).fill(await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET }));
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.waitForURL(`**/tenant/${account.tenantDomain}`);
    });
  });

  test('lost between the password and the code step: the code step says so, the pending login waits for the database', async () => {
    await withOutagePage(async (page) => {
      await enterPassword(page);
      await page.waitForURL('**/login/code');
      const code = await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET });

      proxy.cut();
      await page.getByLabel('Authentication code', { exact: true }).fill(code);
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: UNAVAILABLE }).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(LEAK_PATTERN);

      // Loading the code page itself needs the database: the error page, not a blank 200.
      const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
      const reload = await fetch(`${server.baseUrl}/login/code`, { headers: { cookie }, redirect: 'manual' });
      const body = await reload.text();
      expect(reload.status).toBeGreaterThanOrEqual(500);
      expect(body).toContain('Something went wrong');
      expect(body).not.toMatch(LEAK_PATTERN);

      proxy.restore();
      await page.getByLabel('Authentication code', { exact: true }).fill(code);
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.waitForURL(`**/tenant/${account.tenantDomain}`);
    });
  });

  test('a signed-in page during the outage shows the error page with a reference, then works again', async () => {
    await withOutagePage(async (page) => {
      await enterPassword(page);
      await page.waitForURL('**/login/code');
      await page.getByLabel('Authentication code', { exact: true }).fill(await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET }));
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.waitForURL(`**/tenant/${account.tenantDomain}`);

      proxy.cut();
      const mark = logMark(server);
      const response = await page.goto(`/tenant/${account.tenantDomain}`);
      expect(response?.status()).toBeGreaterThanOrEqual(500);
      await page.getByRole('heading', { name: 'Something went wrong' }).waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(LEAK_PATTERN);
      // The reference is the request id: the response's X-Request-Id, and the server's log line names it.
      const requestId = response?.headers()['x-request-id'];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(text).toContain(`quote the reference ${requestId}.`);
      await waitForLogEvents(server, { fromByte: mark, matches: (event) => event.event === 'request.error' && event.requestId === requestId });
      // One line per failed page, although Next reports it for two renders.
      expect(readLogEvents(server, mark).filter((event) => event.event === 'request.error' && event.requestId === requestId)).toHaveLength(1);

      // The same page with JavaScript off, in German: not blank. Next's error document is empty
      // until its script runs; server.mjs fills it (lib/http/no-script-error-fallback.mjs).
      const noScript = await browser().newContext({
        baseURL: server.baseUrl,
        locale: 'de-DE',
        javaScriptEnabled: false,
        storageState: await page.context().storageState(),
      });
      try {
        const bare = await noScript.newPage();
        const answer = await bare.goto(`/tenant/${account.tenantDomain}`);
        expect(answer?.status()).toBeGreaterThanOrEqual(500);
        await bare.getByRole('heading', { name: 'Etwas ist schiefgelaufen' }).waitFor();
        const bareText = await bare.locator('body').innerText();
        expect(bareText).toContain(answer?.headers()['x-request-id']);
        expect(bareText).not.toMatch(LEAK_PATTERN);
        await bare.getByRole('link', { name: 'Erneut versuchen' }).waitFor();
        await bare.setViewportSize({ width: 320, height: 640 });
        await saveScreenshot(bare, 'error-page-without-javascript-de-320');
      } finally {
        await noScript.close();
      }

      proxy.restore();
      const again = await page.goto(`/tenant/${account.tenantDomain}`);
      expect(again?.status()).toBe(200);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('main').innerText()).toContain(account.tenantDomain);
    });
  });
});
