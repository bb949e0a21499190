import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccountLink } from './support/account-arrangements';
import { e2eBaseUrl, useBrowser } from './support/browser';
import { createUserWithoutTwoFactor } from './support/db';

// The cross-site check (lib/http/cross-site-request.ts) seen from a real browser: the link page's
// own form post without JavaScript is accepted (its referrer policy lets Chromium send a real
// Origin), and a form on another site that posts to the portal is refused before any action runs.

const TENANT = '123456.sms';
const NEW_PASSWORD = 'Copper-Lantern-Meadow-58';

describe('cross-site requests, in Chromium', () => {
  const browser = useBrowser();
  let attackerSite: Server;

  beforeAll(async () => {
    // Another site: the app runs on 127.0.0.1, this page is served as `localhost`, so Chromium
    // sends Sec-Fetch-Site: cross-site and the attacker's Origin.
    attackerSite = createServer((_request, response) => {
      const target = `${e2eBaseUrl()}/login`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Win a prize</title>
        <form method="post" action="${target}"><input name="tenantDomain" value="${TENANT}"><input name="username" value="admin">
        <input name="password" value="guess"><button type="submit">Claim</button></form>`);
    });
    await new Promise<void>((resolve) => attackerSite.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => attackerSite?.close(resolve));
  });

  test('without JavaScript, the new-password form of a reset link is accepted and leads to the two-factor setup', async () => {
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.link', password: 'Old-Password-Long-Enough-1' });
    const link = await createAccountLink({ userId: user.id, purpose: 'password_reset' });
    const context = await browser().newContext({ baseURL: e2eBaseUrl(), locale: 'en-US', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(link.path);
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Repeat the new password', { exact: true }).fill(NEW_PASSWORD);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        page.getByRole('button', { name: 'Submit' }).click(),
      ]);
      expect(answer.status()).toBeLessThan(400);
      await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
      expect(await page.content()).not.toContain('request comes from another site');
    } finally {
      await context.close();
    }
  });

  test('a form on another site that posts to the portal is refused with 403 before anything runs', async () => {
    const context = await browser().newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      const { port } = attackerSite.address() as AddressInfo;
      await page.goto(`http://localhost:${port}/`);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        page.getByRole('button', { name: 'Claim' }).click(),
      ]);
      expect(answer.request().headers()['sec-fetch-site'] ?? (await answer.request().allHeaders())['sec-fetch-site']).toBe('cross-site');
      expect(answer.status()).toBe(403);
      expect(await answer.text()).toContain('the request comes from another site');
    } finally {
      await context.close();
    }
  });

  test('a client cannot make its own X-Forwarded-Host the host that Origin is compared with', async () => {
    const answer = await fetch(`${e2eBaseUrl()}/login`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'tenantDomain=123456.sms',
      redirect: 'manual',
    });
    expect(answer.status).toBe(403);
  });

  test('a post with neither Origin nor Sec-Fetch-Site is refused (README: cross-site requests)', async () => {
    const answer = await fetch(`${e2eBaseUrl()}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'tenantDomain=123456.sms',
      redirect: 'manual',
    });
    expect(answer.status).toBe(403);
  });
});
