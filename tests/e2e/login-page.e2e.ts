import type { Browser } from 'playwright-core';
import { e2eBaseUrl, launchBrowser, withPage } from './support/browser';

function cspNonce(csp: string | null): string | undefined {
  return csp?.match(/'nonce-([^']+)'/)?.[1];
}

describe('login page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('an anonymous visitor sees the labelled login form', async () => {
    await withPage(browser, async (page) => {
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });

      const response = await page.goto('/login', { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.title()).toContain('Mobile Security Portal');

      for (const label of ['Tenant domain', 'Username', 'Password']) {
        await page.getByLabel(label, { exact: true }).waitFor({ state: 'visible' });
      }
      await page.getByRole('button', { name: 'Log in', exact: true }).waitFor({ state: 'visible' });
      await page.getByRole('link', { name: 'Password forgotten?', exact: true }).waitFor({ state: 'visible' });
      // The nonce must actually reach Next's scripts, or the policy blocks the page's own code.
      expect(cspViolations).toEqual([]);
    });
  });

  test('the health endpoint reports the database and the email backlog, with no session', async () => {
    const response = await fetch(`${e2eBaseUrl()}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  test('the login page is sent with the security headers', async () => {
    const response = await fetch(`${e2eBaseUrl()}/login`, { redirect: 'manual' });
    expect(response.status).toBe(200);

    const csp = response.headers.get('content-security-policy');
    expect(csp).toContain("'nonce-");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('cache-control')).toContain('no-store');
  });

  test('every load of the login page gets a new CSP nonce', async () => {
    const [first, second] = await Promise.all([
      fetch(`${e2eBaseUrl()}/login`, { redirect: 'manual' }),
      fetch(`${e2eBaseUrl()}/login`, { redirect: 'manual' }),
    ]);
    const firstNonce = cspNonce(first.headers.get('content-security-policy'));
    const secondNonce = cspNonce(second.headers.get('content-security-policy'));

    expect(firstNonce).toBeTruthy();
    expect(secondNonce).toBeTruthy();
    expect(firstNonce).not.toBe(secondNonce);
  });
});
