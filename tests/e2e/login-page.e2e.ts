import { e2eBaseUrl, useBrowser, withPage } from './support/browser';

function cspNonce(csp: string | null): string | undefined {
  return csp?.match(/'nonce-([^']+)'/)?.[1];
}

const browser = useBrowser();

describe('login page', () => {
  test('an anonymous visitor sees the labelled login form', async () => {
    await withPage(browser(), async (page) => {
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

describe('client address', () => {
  test('a client cannot choose its own address with X-Forwarded-For: the server records the TCP peer', async () => {
    const { countAuditEvents, e2eDb } = await import('./support/db');
    const context = await browser().newContext({ baseURL: e2eBaseUrl(), extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.99' } });
    try {
      const page = await context.newPage();
      const before = await countAuditEvents('login.password', { result: 'failure' });
      await page.goto('/login');
      await page.getByLabel('Tenant domain', { exact: true }).fill('999999.sms');
      await page.getByLabel('Username', { exact: true }).fill(`forged.${Date.now()}`);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Tenant domain, username or password is incorrect.' }).waitFor();
      expect(await countAuditEvents('login.password', { result: 'failure' })).toBe(before + 1);
      const { rows } = await e2eDb().query<{ ip_address: string }>(
        "select ip_address from audit_events where action = 'login.password' order by id desc limit 1",
      );
      // server.mjs replaced the forged header with the TCP peer (no TRUSTED_PROXIES in the test).
      expect(rows[0]?.ip_address).toBe('127.0.0.1');
    } finally {
      await context.close();
    }
  });
});
