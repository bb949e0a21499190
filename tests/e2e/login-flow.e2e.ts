import type { Page } from 'playwright-core';
import { e2eBaseUrl, useBrowser, withPage } from './support/browser';
import { countAuditEvents } from './support/db';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, enterCode, enterPassword as enterPasswordStep, logOutFromHeader } from './support/sign-in';
import { unusedTotpCode } from './support/totp';

async function enterPassword(page: Page, tenantDomain: string, username: string, password = DEMO_PASSWORD) {
  await enterPasswordStep(page, { tenantDomain, username, password });
}

describe('signing in with tenant domain, password and two-factor code', () => {
  const browser = useBrowser();

  test('customer admin signs in with a code, sees the tenant overview, logs out; the same code is then refused', async () => {
    await withPage(browser(), async (page) => {
      // A pasted portal URL works as the tenant domain.
      await enterPassword(page, 'https://portal.example.test/x-tenant-123456.SMS-y', 'admin');
      await page.waitForURL('**/login/code');
      const code = await unusedTotpCode({ tenantDomain: '123456.sms', username: 'admin', secret: DEMO_TOTP_SECRET });
      await enterCode(page, code);

      await page.waitForURL('**/tenant/123456.sms');
      await page.getByRole('heading', { level: 1 }).waitFor();
      const main = await page.locator('main').innerText();
      expect(main).toContain('Alpha Logistik GmbH');
      expect(main).toContain('123456.sms');
      expect(main).toContain('MDM');
      expect(await page.locator('header').innerText()).toContain('admin');

      const overview = await page.context().request.get(`${e2eBaseUrl()}/tenant/123456.sms`, { maxRedirects: 0 });
      expect(overview.headers()['cache-control']).toContain('no-store');
      const cookies = await page.context().cookies();

      const [logout] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname === '/logout' && response.request().method() === 'POST'),
        logOutFromHeader(page),
      ]);
      // The browser drops every cookie and all storage of the portal (issue 14.8), and the page says so.
      expect(logout.status()).toBe(303);
      expect((await logout.allHeaders())['clear-site-data']).toBe('"cookies", "storage"');
      await page.waitForURL('**/login?reason=loggedOut');
      await page.getByRole('status').filter({ hasText: 'You have been logged out.' }).waitFor();
      expect(await page.context().cookies()).toEqual([]);

      // The old session cookie, replayed after logout, no longer opens the tenant.
      const replayed = await fetch(`${e2eBaseUrl()}/tenant/123456.sms`, {
        redirect: 'manual',
        headers: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') },
      });
      expect(replayed.status).toBeGreaterThanOrEqual(300);
      expect(replayed.status).toBeLessThan(400);
      expect(replayed.headers.get('location')).toContain('/login');

      // The same code, within its 30 seconds, is refused.
      await enterPassword(page, '123456.sms', 'admin');
      await page.waitForURL('**/login/code');
      await enterCode(page, code);
      await page.getByRole('alert').filter({ hasText: 'Invalid code.' }).waitFor();
      expect(page.url()).toContain('/login/code');
    });
    expect(await countAuditEvents('login.completed', { result: 'success' })).toBeGreaterThanOrEqual(1);
    expect(await countAuditEvents('logout', { result: 'success' })).toBeGreaterThanOrEqual(1);
  });

  test('a wrong password gets the one generic message and the form keeps tenant domain and username', async () => {
    await withPage(browser(), async (page) => {
      await enterPassword(page, '123456.sms', 'admin', 'not-the-password');
      await page.getByRole('alert').filter({ hasText: 'Tenant domain, username or password is incorrect.' }).waitFor();
      expect(await page.getByLabel('Tenant domain', { exact: true }).inputValue()).toBe('123456.sms');
      expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe('admin');
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      await enterPassword(page, '999999.sms', 'admin');
      await page.getByRole('alert').filter({ hasText: 'Tenant domain, username or password is incorrect.' }).waitFor();
    });
  });

  test('an administrator without two-factor is blocked after the password', async () => {
    await withPage(browser(), async (page) => {
      await enterPassword(page, '123456.sms', 'new.admin');
      await page.waitForURL('**/login/two-factor-required');
      await page.getByRole('heading', { name: 'Two-factor authentication required' }).waitFor();
      const overview = await page.goto('/tenant/123456.sms');
      expect(page.url()).toContain('/login');
      expect(overview?.status()).toBe(200);
    });
  });

  test('a customer whose license expired is refused after the code, learns which reseller to contact, and gets no session', async () => {
    await withPage(browser(), async (page) => {
      await enterPassword(page, '345678.sms', 'admin');
      await page.waitForURL('**/login/code');
      await enterCode(page, await unusedTotpCode({ tenantDomain: '345678.sms', username: 'admin', secret: DEMO_TOTP_SECRET }));
      // After the second factor, and only then: which reseller to contact (issue 9).
      await page.waitForURL('**/login?reason=license');
      await page
        .getByRole('alert')
        .filter({ hasText: 'Your tenant has no valid license. Please contact your reseller, Demo Reseller GmbH, at support@demo-reseller.example.' })
        .waitFor();
      await page.goto('/tenant/345678.sms');
      expect(page.url()).toContain('/login');
    });
  });

  test("a customer user opening another tenant's URL gets 404", async () => {
    await withPage(browser(), async (page) => {
      await enterPassword(page, '123456.sms', 'helpdesk');
      await page.waitForURL('**/login/code');
      await enterCode(page, await unusedTotpCode({ tenantDomain: '123456.sms', username: 'helpdesk', secret: DEMO_TOTP_SECRET }));
      await page.waitForURL('**/tenant/123456.sms');
      const deniedBefore = await countAuditEvents('authz_denied', { result: 'denied' });
      const response = await page.goto('/tenant/234567.sms');
      expect(response?.status()).toBe(404);
      expect(await page.locator('body').innerText()).not.toContain('Beta Retail AG');
      expect(await countAuditEvents('authz_denied', { result: 'denied' })).toBeGreaterThan(deniedBefore);
    });
  });
});
