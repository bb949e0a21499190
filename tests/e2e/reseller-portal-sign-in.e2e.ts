import type { Cookie, Page } from 'playwright-core';
import { markRspLinked } from './support/account-arrangements';
import { e2eBaseUrl, newPage, useBrowser, withPage } from './support/browser';
import { createUserWithoutTwoFactor, e2eDb } from './support/db';
import {
  activateTwoFactorAtResellerPortal,
  armIdTokenFault,
  createResellerPortalAccount,
  DEMO_RESELLER,
  logInAtResellerPortal,
  resellerPortalUrl,
  signInAsDemoReseller,
  signInThroughResellerPortal,
  START_BUTTON,
  type IdTokenFault,
} from './support/reseller-portal';
import { DEMO_PASSWORD, enterPassword, logOutFromHeader } from './support/sign-in';

// Issue 15: RSP-linked accounts sign in through the Reseller Portal (OpenID Connect, the stand-in
// of scripts/reseller-portal-stand-in on its own port and host), in Chromium against the
// production build. Faulty ID tokens come from the stand-in's test-only fault switch: each is
// wrong in exactly one way and otherwise correctly signed by the stand-in (support/reseller-portal.ts).

const FAILED = 'Logging in with the Reseller Portal did not work. Please try again.';
const REFUSED = 'This Reseller Portal account cannot log in here.';
const CALLBACK_PATH = '/api/auth/callback/reseller-portal';

/** The reasons of the Reseller Portal sign-in events since `sinceId`, oldest first. */
async function resellerPortalEvents(sinceId: number): Promise<Array<{ result: string; reason: string | null; actor: string | null }>> {
  const { rows } = await e2eDb().query<{ result: string; reason: string | null; actor: string | null }>(
    `select result::text, details->>'reason' as reason, actor_label as actor from audit_events
     where action = 'login.reseller_portal' and id > $1 order by id`,
    [sinceId],
  );
  return rows;
}

async function lastAuditId(): Promise<number> {
  const { rows } = await e2eDb().query<{ id: string | null }>('select max(id) as id from audit_events');
  return Number(rows[0]?.id ?? 0);
}

/** Whether the browser holds a session the portal accepts: a protected page opens instead of the login. */
async function hasSession(page: Page): Promise<boolean> {
  const response = await page.context().request.get(`${e2eBaseUrl()}/customer-selection`, { maxRedirects: 0 });
  return response.status() === 200;
}

async function expectNotice(page: Page, text: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: text }).waitFor();
}

/** A fresh RSP-linked administrator in Alpha, here and in the Reseller Portal (without two-factor there unless given). */
async function freshRspAdministrator(options: { twoFactorSecret?: string | null } = {}) {
  const password = 'Reseller-Portal-Passphrase-15';
  const user = await createUserWithoutTwoFactor({ tenantDomain: '123456.sms', usernamePrefix: 'rsp.fresh', password });
  await markRspLinked(user.id);
  const account = { tenantDomain: '123456.sms', username: user.username, password, twoFactorSecret: options.twoFactorSecret ?? null };
  await createResellerPortalAccount(account);
  return { user, account };
}

describe('signing in through the Reseller Portal (OpenID Connect)', () => {
  const browser = useBrowser();

  test('the login page offers both ways; the Reseller Portal is allowed as a target of its form', async () => {
    await withPage(browser(), async (page) => {
      const response = await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Log in with your portal account' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Log in with your Reseller Portal account' }).waitFor();
      expect(response!.headers()['content-security-policy']).toContain(`form-action 'self' ${resellerPortalUrl()};`);
    });
  });

  test('the RSP-linked demo reseller signs in there and lands on the customer selection; logout ends the session', async () => {
    const since = await lastAuditId();
    await withPage(browser(), async (page) => {
      await signInAsDemoReseller(page);
      await page.getByRole('heading', { level: 1, name: 'Customer selection' }).waitFor();
      expect(await page.getByRole('table', { name: 'Customers', exact: true }).innerText()).toContain('Alpha Logistik GmbH');
      expect(await resellerPortalEvents(since)).toEqual([{ result: 'success', reason: null, actor: 'reseller.admin@100001.sms' }]);
      // A session row like any other: ended by logout, on the server.
      await logOutFromHeader(page);
      await page.waitForURL('**/login?reason=loggedOut');
      expect(await hasSession(page)).toBe(false);
    });
  });

  test('a deep link survives the way through the Reseller Portal', async () => {
    await withPage(browser(), async (page) => {
      await page.goto('/tenant/100001.sms/compliance');
      await page.waitForURL('**/login?returnTo=**');
      await page.getByRole('button', { name: START_BUTTON }).click();
      await logInAtResellerPortal(page, DEMO_RESELLER);
      await page.waitForURL('**/tenant/100001.sms/compliance');
    });
  });

  test('an RSP-linked administrator without two-factor sees the RSP dialog, activates two-factor in the Reseller Portal, then signs in', async () => {
    // The demo account of the seed: rsp.admin in 123456.sms, no two-factor in the Reseller Portal.
    const rspAdmin = { tenantDomain: '123456.sms', username: 'rsp.admin', password: DEMO_PASSWORD, twoFactorSecret: null };
    const since = await lastAuditId();
    await withPage(browser(), async (page) => {
      await signInThroughResellerPortal(page, { ...rspAdmin, landsOn: '**/login/two-factor-required' });
      const dialog = page.getByRole('dialog', { name: 'Two-factor authentication required' });
      await dialog.getByText('Account linked to the Reseller Portal').waitFor();
      expect(await dialog.getByRole('button', { name: 'Enable 2FA' }).count()).toBe(0);
      expect(await hasSession(page)).toBe(false);

      // "Open the Reseller Portal" opens its two-factor page in a new tab.
      const [settings] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('link', { name: 'Open the Reseller Portal' }).click()]);
      const secret = await activateTwoFactorAtResellerPortal(settings, rspAdmin);

      // Back in the dialog: log in there again; the Reseller Portal asks for password and code afresh.
      await dialog.getByRole('button', { name: 'Log in with your Reseller Portal account' }).click();
      await logInAtResellerPortal(page, { ...rspAdmin, twoFactorSecret: secret });
      await page.waitForURL('**/tenant/123456.sms');
      expect(await page.locator('header').innerText()).toContain('rsp.admin');
      await page.goto('/security');
      await page.getByText('Managed in the Reseller Portal, where you log in.').waitFor();

      // Leave the demo account as the README describes it: no two-factor in the Reseller Portal.
      await settings.getByRole('button', { name: 'Deactivate two-factor authentication' }).click();
      await settings.locator('#two-factor-state', { hasText: /^not active$/ }).waitFor();
    });
    expect(await resellerPortalEvents(since)).toEqual([
      { result: 'denied', reason: 'second_factor_missing', actor: 'rsp.admin@123456.sms' },
      { result: 'success', reason: null, actor: 'rsp.admin@123456.sms' },
    ]);
  });

  const FAULTS: Array<[IdTokenFault, string]> = [
    ['wrong_audience', 'id_token_aud_mismatch'],
    ['wrong_issuer', 'id_token_iss_mismatch'],
    ['wrong_nonce', 'id_token_nonce_mismatch'],
    ['expired', 'id_token_expired'],
    ['bad_signature', 'id_token_signature_invalid'],
  ];

  test.each(FAULTS)('an ID token with %s is refused: no session, the login page says so, audited as %s', async (fault, reason) => {
    const since = await lastAuditId();
    await withPage(browser(), async (page) => {
      await armIdTokenFault(fault);
      await signInThroughResellerPortal(page, { ...DEMO_RESELLER, landsOn: '**/login?**' });
      await expectNotice(page, FAILED);
      expect(await hasSession(page)).toBe(false);
    });
    expect(await resellerPortalEvents(since)).toEqual([{ result: 'failure', reason, actor: null }]);
  });

  test('a replayed authorization code is refused, even with the check cookies of its flow', async () => {
    const since = await lastAuditId();
    let callbackUrl = '';
    let checkCookies: Cookie[] = [];
    await withPage(browser(), async (page) => {
      // Record the callback request as it leaves the browser, and the check cookies of its flow.
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === CALLBACK_PATH) callbackUrl = request.url();
      });
      await page.goto('/login');
      await page.getByRole('button', { name: START_BUTTON }).click();
      await page.waitForURL(`${resellerPortalUrl()}/interaction/**`);
      checkCookies = (await page.context().cookies(e2eBaseUrl())).filter((cookie) => cookie.name.startsWith('authjs.'));
      await logInAtResellerPortal(page, DEMO_RESELLER);
      await page.waitForURL('**/customer-selection');
    });
    expect(callbackUrl).toContain('code=');
    expect(checkCookies.map((cookie) => cookie.name).sort()).toEqual(expect.arrayContaining(['authjs.nonce', 'authjs.pkce.code_verifier', 'authjs.state']));

    // Another browser presents the very same request: state, PKCE verifier and nonce all match, the code is used.
    const page = await newPage(browser());
    try {
      await page.context().addCookies(checkCookies);
      await page.goto(callbackUrl);
      await page.waitForURL('**/login?**');
      await expectNotice(page, FAILED);
      expect(await hasSession(page)).toBe(false);
    } finally {
      await page.context().close();
    }
    expect(await resellerPortalEvents(since)).toEqual([
      { result: 'success', reason: null, actor: 'reseller.admin@100001.sms' },
      { result: 'failure', reason: 'token_request_refused:invalid_grant', actor: null },
    ]);
  });

  test('a local account is not taken over by an ID token that claims its username', async () => {
    // A Reseller Portal account that calls itself admin@123456.sms, a local administrator here.
    await createResellerPortalAccount({ tenantDomain: '123456.sms', username: 'admin', password: 'Someone-Elses-Passphrase-15' });
    const since = await lastAuditId();
    await withPage(browser(), async (page) => {
      await signInThroughResellerPortal(page, { tenantDomain: '123456.sms', username: 'admin', password: 'Someone-Elses-Passphrase-15', landsOn: '**/login?reason=resellerPortalRefused' });
      await expectNotice(page, REFUSED);
      expect(await hasSession(page)).toBe(false);
    });
    expect(await resellerPortalEvents(since)).toEqual([{ result: 'denied', reason: 'not_rsp_linked', actor: 'admin@123456.sms' }]);
    const { rows } = await e2eDb().query(
      `select 1 from reseller_portal_links l join users u on u.id = l.user_id join tenants t on t.id = u.tenant_id
       where t.tenant_domain = '123456.sms' and u.username = 'admin'`,
    );
    expect(rows).toHaveLength(0);
  });

  test('nor is an RSP-linked account by a second Reseller Portal account that claims it', async () => {
    await withPage(browser(), (page) => signInAsDemoReseller(page)); // the demo subject holds the link
    await createResellerPortalAccount({ tenantDomain: '100001.sms', username: 'reseller.admin', password: 'Impostor-Passphrase-15' });
    const since = await lastAuditId();
    await withPage(browser(), async (page) => {
      await signInThroughResellerPortal(page, { tenantDomain: '100001.sms', username: 'reseller.admin', password: 'Impostor-Passphrase-15', landsOn: '**/login?reason=resellerPortalRefused' });
      expect(await hasSession(page)).toBe(false);
    });
    expect(await resellerPortalEvents(since)).toEqual([{ result: 'denied', reason: 'linked_to_other_subject', actor: 'reseller.admin@100001.sms' }]);
  });

  test("an RSP-linked account's password here is refused with a pointer to the other button", async () => {
    await withPage(browser(), async (page) => {
      await enterPassword(page, DEMO_RESELLER);
      await page.getByText('This account is linked to the Reseller Portal. Please log in with your Reseller Portal account (below).').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await hasSession(page)).toBe(false);
    });
  });

  test('with JavaScript off: the Reseller Portal sign-in, the RSP dialog, two-factor there, and back signed in', async () => {
    const { account } = await freshRspAdministrator();
    await withPage(
      browser(),
      async (page) => {
        await signInThroughResellerPortal(page, { ...account, landsOn: '**/login/two-factor-required' });
        const dialog = page.getByRole('dialog');
        await dialog.getByText('Account linked to the Reseller Portal').waitFor();
        const [settings] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('link', { name: 'Open the Reseller Portal' }).click()]);
        const secret = await activateTwoFactorAtResellerPortal(settings, account);
        await dialog.getByRole('button', { name: 'Log in with your Reseller Portal account' }).click();
        await logInAtResellerPortal(page, { ...account, twoFactorSecret: secret });
        await page.waitForURL('**/tenant/123456.sms');
        expect(await page.locator('header').innerText()).toContain(account.username);
      },
      { javaScriptEnabled: false },
    );
  });
});
