import type { Page } from 'playwright-core';
import { formatSecretForDisplay } from '@/lib/auth/totp';
import { useBrowser, withPage } from './support/browser';
import { createAccountLink } from './support/account-arrangements';
import { createUserWithoutTwoFactor, createUserWithTwoFactor, e2eDb } from './support/db';
import { startExtraInstance, type AppInstance } from './support/second-instance';
import { waitForEmail } from './support/sent-emails';
import { enterCode, enterPassword, logOutFromHeader } from './support/sign-in';
import { freshTotpCode, totpCode } from './support/totp';

// Issue 9: every sign-in flow completes in Chromium with JavaScript switched off. Each test makes
// its own accounts (with their own TOTP secrets), so no code is ever used up by another test.

const TENANT = '123456.sms';
const PASSWORD = 'No-Script-Passphrase-Long-17';
const NEW_PASSWORD = 'Quiet-Lantern-Harbour-Copper-61';
const INVALID_CREDENTIALS = 'Tenant domain, username or password is incorrect.';
const noScript = { javaScriptEnabled: false } as const;

async function secretShownOn(page: Page): Promise<string> {
  return (await page.getByTestId('two-factor-secret').innerText()).replace(/\s+/g, '');
}

describe('signing in without JavaScript', () => {
  const browser = useBrowser();
  // A second server whose administrators get 7 days' grace, so the dialog offers "Remind me later".
  let grace: AppInstance & { stop: () => Promise<void> };

  beforeAll(async () => {
    grace = await startExtraInstance({ name: 'grace', logFile: 'e2e-server-grace.log', overrides: () => ({ TWO_FACTOR_GRACE_DAYS: '7' }) });
  }, 90_000);

  afterAll(async () => {
    await grace?.stop();
  });

  test('login and code: a deep link survives the login, the language switch works, logging out says so', async () => {
    const user = await createUserWithTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.login', password: PASSWORD });
    await withPage(
      browser(),
      async (page) => {
        await page.goto(`/tenant/${TENANT}/audit`);
        expect(new URL(page.url()).pathname).toBe('/login');
        expect(new URL(page.url()).searchParams.get('returnTo')).toBe(`/tenant/${TENANT}/audit`);

        // The language switch is a plain form post and keeps the deep link.
        await page.getByRole('button', { name: 'Deutsch', exact: true }).click();
        await page.getByRole('heading', { name: 'Mit Ihrem Portal-Konto anmelden' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('de');
        expect(new URL(page.url()).searchParams.get('returnTo')).toBe(`/tenant/${TENANT}/audit`);
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await page.getByRole('heading', { name: 'Log in with your portal account' }).waitFor();

        // A wrong password: the message is in the page the post returns, the form keeps its input.
        await page.getByLabel('Tenant domain', { exact: true }).fill(TENANT);
        await page.getByLabel('Username', { exact: true }).fill(user.username);
        await page.getByLabel('Password', { exact: true }).fill('not-the-password');
        await page.getByRole('button', { name: 'Log in', exact: true }).click();
        await page.getByRole('alert').filter({ hasText: INVALID_CREDENTIALS }).waitFor();
        expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe(user.username);

        await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: 'Log in', exact: true }).click();
        await page.waitForURL('**/login/code');
        await enterCode(page, '000000' === totpCode(user.secret) ? '111111' : '000000');
        await page.getByRole('alert').filter({ hasText: 'Invalid code.' }).waitFor();
        await enterCode(page, totpCode(user.secret));
        await page.waitForURL(`**/tenant/${TENANT}/audit`);
        await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();

        await logOutFromHeader(page);
        await page.waitForURL('**/login?reason=loggedOut');
        await page.getByRole('status').filter({ hasText: 'You have been logged out.' }).waitFor();
      },
      noScript,
    );
  });

  test('a deep link to another site is never followed: absolute and protocol-relative targets land in the tenant', async () => {
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.target', password: PASSWORD, role: 'helpdesk' });
    for (const target of ['https://evil.example/tenant/123456.sms', '//evil.example/tenant/123456.sms', '/\\evil.example']) {
      await withPage(
        browser(),
        async (page) => {
          await page.goto(`/login?returnTo=${encodeURIComponent(target)}`);
          expect(await page.locator('form:has(input[name="password"]) input[name="returnTo"]').count()).toBe(0);
          // A helpdesk account without two-factor signs in with the password alone, on this very page.
          await page.getByLabel('Tenant domain', { exact: true }).fill(TENANT);
          await page.getByLabel('Username', { exact: true }).fill(user.username);
          await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
          await page.getByRole('button', { name: 'Log in', exact: true }).click();
          await page.waitForURL(`**/tenant/${TENANT}`);
          expect(page.url()).not.toContain('evil.example');
        },
        noScript,
      );
    }
  });

  test('the two-factor dialog is in the page, open, with its three buttons: send the email, remind me later, enable 2FA → setup → recovery codes', async () => {
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.dialog', password: PASSWORD });
    const dialogPage = async (page: Page) => {
      await page.goto(`${grace.baseUrl}/login`);
      await page.getByLabel('Tenant domain', { exact: true }).fill(TENANT);
      await page.getByLabel('Username', { exact: true }).fill(user.username);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.waitForURL(`${grace.baseUrl}/login/two-factor-required`);
      const dialog = page.getByRole('dialog', { name: 'Two-factor authentication required' });
      await dialog.waitFor();
      expect(await dialog.getAttribute('open')).toBe('');
      return dialog;
    };

    await withPage(
      browser(),
      async (page) => {
        const dialog = await dialogPage(page);
        expect(await dialog.innerText()).toMatch(/From .+, logging in without it will be blocked/);
        expect(await dialog.getByRole('link', { name: 'Back to login' }).getAttribute('href')).toBe('/login');

        await dialog.getByRole('button', { name: 'Send activation email', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'If activation by email is available for this account' }).waitFor();
        expect((await waitForEmail({ to: user.email, subjectIncludes: 'Activate two-factor' })).links.some((link) => link.includes('/activate/'))).toBe(true);

        await page.getByRole('button', { name: 'Remind me later', exact: true }).click();
        await page.waitForURL(`${grace.baseUrl}/tenant/${TENANT}`);
      },
      noScript,
    );

    await withPage(
      browser(),
      async (page) => {
        const dialog = await dialogPage(page);
        await dialog.getByRole('button', { name: 'Enable 2FA', exact: true }).click();
        await page.waitForURL(`${grace.baseUrl}/login/setup`);
        await activateShownSecret(page);

        // The page after the post: success announced, the codes once, the QR code and secret gone.
        await page.getByRole('status').filter({ hasText: 'Two-factor authentication is active.' }).waitFor();
        expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
        expect(await page.getByTestId('two-factor-secret').count()).toBe(0);
        expect(await page.getByRole('img', { name: 'QR code for your authenticator app' }).count()).toBe(0);
        await page.getByRole('button', { name: 'Continue', exact: true }).click();
        await page.waitForURL(`${grace.baseUrl}/tenant/${TENANT}`);
      },
      noScript,
    );
  });

  test('a recovery code instead of the app: accepted, how many remain, Continue', async () => {
    const user = await createUserWithTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.recovery', password: PASSWORD, withRecoveryCodes: true });
    await withPage(
      browser(),
      async (page) => {
        await enterPassword(page, { tenantDomain: TENANT, username: user.username, password: PASSWORD });
        await page.waitForURL('**/login/code');
        await page.getByRole('link', { name: 'Use a recovery code', exact: true }).click();
        await page.waitForURL('**/login/recovery');
        await page.getByLabel('Recovery code', { exact: true }).fill('aaaa-bbbb-cccc-dddd');
        await page.getByRole('button', { name: 'Log in', exact: true }).click();
        await page.getByRole('alert').filter({ hasText: 'Invalid recovery code.' }).waitFor();
        await page.getByLabel('Recovery code', { exact: true }).fill(user.recoveryCodes[3]!.toUpperCase());
        await page.getByRole('button', { name: 'Log in', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'Recovery code accepted. 9 recovery codes remain.' }).waitFor();
        await page.getByRole('button', { name: 'Continue', exact: true }).click();
        await page.waitForURL(`**/tenant/${TENANT}`);
      },
      noScript,
    );
  });

  test('password forgotten → link → current code → new password → the login, filled in, asks for the code', async () => {
    const user = await createUserWithTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.reset', password: PASSWORD });
    await withPage(
      browser(),
      async (page) => {
        await requestReset(page, user.username);
        await page.goto(await resetLinkFor(user.email));
        await page.getByText('Two-factor authentication is active for this account.').waitFor();
        await proveCurrentCode(page, user.secret);
        await chooseNewPassword(page);
        await page.waitForURL('**/login?reason=passwordChanged');
        await page.getByRole('status').filter({ hasText: 'Your password has been changed.' }).waitFor();
        await signInFilledIn(page, user.username);
      },
      noScript,
    );
  });

  test('password forgotten → link → new password → setup → recovery codes → the login, filled in (account without two-factor)', async () => {
    const user = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.setup', password: PASSWORD });
    await withPage(
      browser(),
      async (page) => {
        await requestReset(page, user.username);
        await page.goto(await resetLinkFor(user.email));
        await chooseNewPassword(page);
        await activateShownSecret(page);
        await page.getByRole('status').filter({ hasText: 'Two-factor authentication is active and your password is set.' }).waitFor();
        expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
        expect(await page.getByTestId('two-factor-secret').count()).toBe(0);
        await page.getByRole('link', { name: 'Continue to login', exact: true }).click();
        await page.waitForURL('**/login');
        await signInFilledIn(page, user.username);
      },
      noScript,
    );
  });

  test('another device after a current code: the active secret never appears; a new one replaces it after its first code; "This was not me" ends it all', async () => {
    const user = await createUserWithTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.device', password: PASSWORD });
    const activeSecretShapes = [user.secret, formatSecretForDisplay(user.secret)];
    await withPage(
      browser(),
      async (page) => {
        await requestReset(page, user.username);
        await page.goto(await resetLinkFor(user.email));
        await proveCurrentCode(page, user.secret);
        // Issue 14.2: a link plus one code used to show the active QR code and secret here.
        const html = await page.content();
        for (const shape of activeSecretShapes) expect(html).not.toContain(shape);
        expect(await page.getByRole('img').count()).toBe(0);

        await chooseNewPassword(page, { newAuthenticator: true });
        await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
        for (const shape of activeSecretShapes) expect(await page.content()).not.toContain(shape);
        expect(await activateShownSecret(page)).not.toBe(user.secret);
        await page.getByRole('status').filter({ hasText: 'Two-factor authentication is active and your password is set.' }).waitFor();
      },
      noScript,
    );

    const replaced = await waitForEmail({ to: user.email, subjectIncludes: 'A new authenticator app was set up' });
    const reportLink = replaced.links.find((link) => link.includes('/report/'));
    if (!reportLink) throw new Error(`no report link in: ${replaced.links.join(', ')}`);
    await withPage(
      browser(),
      async (page) => {
        await page.goto(reportLink);
        await page.getByRole('heading', { name: 'This was not me' }).waitFor();
        await page.getByRole('button', { name: 'Report it and end all sessions', exact: true }).click();
        await page.waitForURL('**/login?reason=reported');
        await page.getByRole('status').filter({ hasText: 'All sessions of your account have ended' }).waitFor();
        // Whoever moved the second factor knew the password: it opens nothing any more.
        await enterPassword(page, { tenantDomain: TENANT, username: user.username, password: NEW_PASSWORD });
        await page.getByRole('alert').filter({ hasText: INVALID_CREDENTIALS }).waitFor();
      },
      noScript,
    );
    const { rows } = await e2eDb().query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'two_factor.change_reported' and actor_user_id = $1",
      [user.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  test('/security: regenerating recovery codes says ten remain at once; other sessions are logged out; an ended session leads back here', async () => {
    const user = await createUserWithTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.security', password: PASSWORD });
    await withPage(
      browser(),
      async (page) => {
        await enterPassword(page, { tenantDomain: TENANT, username: user.username, password: PASSWORD });
        await page.waitForURL('**/login/code');
        await enterCode(page, totpCode(user.secret));
        await page.waitForURL(`**/tenant/${TENANT}`);
        await page.goto('/security');
        expect(await page.locator('main').innerText()).toContain('Active. No recovery codes remain.');

        await page.getByLabel('Authentication code', { exact: true }).fill(await freshTotpCode(user.secret));
        await page.getByRole('button', { name: 'Regenerate recovery codes', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'New recovery codes created.' }).waitFor();
        expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
        expect(await page.locator('main').innerText()).toContain('Active. 10 unused recovery codes.');

        await page.goto('/security');
        await page.getByRole('button', { name: 'Log out other sessions', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'All other sessions have been logged out.' }).waitFor();

        // A session that ends meanwhile (here: revoked, as a logout elsewhere would) sends the
        // browser to the login with this page as the way back.
        await e2eDb().query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [user.id]);
        await page.goto('/security');
        await page.waitForURL('**/login?**');
        expect(new URL(page.url()).searchParams.get('reason')).toBe('session');
        expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/security');
        await page.getByRole('alert').filter({ hasText: 'Your session has ended.' }).waitFor();
      },
      noScript,
    );
  });

  test('every sign-in page fits a 320-px phone, in English and German, with its language switch', async () => {
    const admin = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.narrow', password: PASSWORD });
    const withCode = await createUserWithTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.narrow2', password: PASSWORD });
    const links = await Promise.all((['password_reset', 'activation', 'report'] as const).map((purpose) => createAccountLink({ userId: admin.id, purpose })));
    const problems: string[] = [];
    const measure = async (page: Page) => {
      for (const language of ['de', 'en'] as const) {
        await page.getByRole('button', { name: language === 'de' ? 'Deutsch' : 'English', exact: true }).click();
        await page.locator(`html[lang="${language}"]`).waitFor();
        const [pageWidth, windowWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        if (pageWidth > windowWidth) problems.push(`${new URL(page.url()).pathname} (${language}): ${pageWidth}px wide in a ${windowWidth}px window`);
      }
    };
    await withPage(
      browser(),
      async (page) => {
        await page.setViewportSize({ width: 320, height: 640 });
        for (const path of ['/login', '/password-forgotten', ...links.map((link) => link.path)]) {
          await page.goto(path);
          await measure(page);
        }
        await enterPassword(page, { tenantDomain: TENANT, username: withCode.username, password: PASSWORD });
        await page.waitForURL('**/login/code');
        for (const path of ['/login/code', '/login/recovery']) {
          await page.goto(path);
          await measure(page);
        }
        await page.context().clearCookies();
        await enterPassword(page, { tenantDomain: TENANT, username: admin.username, password: PASSWORD });
        await page.waitForURL('**/login/two-factor-required');
        await measure(page);
        await page.getByRole('button', { name: 'Enable 2FA', exact: true }).click();
        await page.waitForURL('**/login/setup');
        await measure(page);
      },
      { ...noScript, screenshotName: 'sign-in-pages-320px' },
    );
    expect(problems).toEqual([]);
  });
});

/** The link's second-factor step: a current code from the authenticator app. */
async function proveCurrentCode(page: Page, secret: string): Promise<void> {
  await page.getByLabel('Authentication code', { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByLabel('New password', { exact: true }).waitFor();
}

async function chooseNewPassword(page: Page, options: { newAuthenticator?: boolean } = {}): Promise<void> {
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Repeat the new password', { exact: true }).fill(NEW_PASSWORD);
  if (options.newAuthenticator) await page.getByLabel('Move two-factor authentication to a new phone or app').check();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
}

/** Scans (reads) the shown secret and confirms it with a code, as an authenticator app would; returns the secret. */
async function activateShownSecret(page: Page): Promise<string> {
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const secret = await secretShownOn(page);
  await page.getByLabel('Authentication code', { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  return secret;
}

/** The login form after a reset or activation: filled in; the new password leads to the code. */
async function signInFilledIn(page: Page, username: string): Promise<void> {
  expect(await page.getByLabel('Tenant domain', { exact: true }).inputValue()).toBe(TENANT);
  expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe(username);
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL('**/login/code');
}

async function requestReset(page: Page, username: string): Promise<void> {
  await page.goto('/password-forgotten');
  await page.getByLabel('Tenant domain', { exact: true }).fill(TENANT);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByRole('button', { name: 'Send reset email', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'If the account exists, we have sent an email' }).waitFor();
}

async function resetLinkFor(email: string): Promise<string> {
  const sent = await waitForEmail({ to: email, subjectIncludes: 'Reset your password' });
  const link = sent.links.find((href) => href.includes('/reset-password/'));
  if (!link) throw new Error(`no reset link in: ${sent.links.join(', ')}`);
  return link;
}
