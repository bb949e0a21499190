import type { Page } from 'playwright-core';
import { useBrowser, withPage } from './support/browser';
import { countAuditEvents, createUserWithoutTwoFactor, e2eDb } from './support/db';
import { enterPassword as enterPasswordStep } from './support/sign-in';
import { freshTotpCode, totpCode } from './support/totp';

// Enrolling changes the account for good, so this file creates its own administrator without
// two-factor in the demo tenant 123456.sms instead of using new.admin (login-flow.e2e.ts relies on
// new.admin staying blocked).
const PASSWORD = 'Enrollment-Test-Passphrase-73';
const TENANT = '123456.sms';

function createAdminWithoutTwoFactor() {
  return createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'enroll', password: PASSWORD });
}

function enterPassword(page: Page, username: string) {
  return enterPasswordStep(page, { tenantDomain: TENANT, username, password: PASSWORD });
}

describe('activating two-factor authentication from the login screen', () => {
  const browser = useBrowser();

  test('a new administrator sees the dialog, activates from the login screen, keeps recovery codes and lands in the tenant; later a recovery code signs in and the security page works', async () => {
    const admin = await createAdminWithoutTwoFactor();
    let secret = '';
    const recoveryCodes = await withPage(browser(), async (page) => {
      await enterPassword(page, admin.username);
      await page.waitForURL('**/login/two-factor-required');
      const dialog = page.getByRole('dialog', { name: 'Two-factor authentication required' });
      await dialog.waitFor();
      // A real modal: focus is inside, and Escape closes it back to the login.
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
      expect(await dialog.getByText('RSP', { exact: true }).count()).toBe(0);
      expect(await dialog.getByRole('button', { name: 'Remind me later' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.pathname === '/login');

      await enterPassword(page, admin.username);
      await page.waitForURL('**/login/two-factor-required');
      await page.getByRole('button', { name: 'Enable 2FA', exact: true }).click();
      await page.waitForURL('**/login/setup');
      expect(page.url()).not.toMatch(/secret|otpauth/i);
      await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
      const main = await page.locator('main').innerText();
      expect(main).toContain('Mobile Security Portal');
      expect(main).toContain(`${admin.username}@${TENANT}`);

      // "Scanning": read the secret shown for manual entry and compute the code like an app would.
      const shownSecret = await page.getByTestId('two-factor-secret').innerText();
      const setupResponse = await page.context().request.get('/login/setup', { maxRedirects: 0 });
      expect(setupResponse.headers()['cache-control']).toContain('no-store');
      expect(shownSecret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{4}$/);
      await page.reload();
      expect(await page.getByTestId('two-factor-secret').innerText()).toBe(shownSecret);
      secret = shownSecret.replace(/\s+/g, '');
      await page.getByLabel('Authentication code', { exact: true }).fill(totpCode(secret));
      await page.getByRole('button', { name: 'Activate', exact: true }).click();

      await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
      expect(await page.getByTestId('two-factor-secret').count()).toBe(0);
      const codes = (await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).map((code) => code.trim());
      expect(codes).toHaveLength(10);
      expect(await page.getByRole('link', { name: 'Download as text file' }).getAttribute('download')).toBe('recovery-codes.txt');
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.waitForURL(`**/tenant/${TENANT}`);
      expect(await page.locator('header').innerText()).toContain(admin.username);
      return codes;
    });

    const { rows } = await e2eDb().query<{ enabled: boolean; codes: number; mails: number }>(
      `select u.two_factor_enabled_at is not null as enabled,
              (select count(*)::int from recovery_codes r where r.user_id = u.id and r.used_at is null) as codes,
              (select count(*)::int from email_outbox e where e.user_id = u.id and e.template = 'two_factor_activated') as mails
       from users u where u.id = $1`,
      [admin.id],
    );
    expect(rows[0]).toEqual({ enabled: true, codes: 10, mails: 1 });
    expect(await countAuditEvents('two_factor.enrolled', { result: 'success' })).toBeGreaterThanOrEqual(1);

    // Next login: the authenticator is active; a recovery code works instead of the app's code.
    await withPage(browser(), async (page) => {
      await enterPassword(page, admin.username);
      await page.waitForURL('**/login/code');
      await page.getByRole('link', { name: 'Use a recovery code', exact: true }).click();
      await page.waitForURL('**/login/recovery');
      await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCodes[0]!.toUpperCase());
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByText('9 recovery codes remain.').waitFor();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.waitForURL(`**/tenant/${TENANT}`);

      // Security page: status, sessions (the enrollment's session and this one), regenerate with a fresh code.
      await page.goto('/security');
      await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
      expect(await page.locator('main').innerText()).toContain('9 unused recovery codes');
      expect(await page.locator('tbody tr').count()).toBe(2);
      await page.getByRole('button', { name: 'Log out other sessions', exact: true }).click();
      await page.getByText('All other sessions have been logged out.').waitFor();
      await page.reload();
      expect(await page.locator('tbody tr').count()).toBe(1);
      expect(await page.locator('tbody').innerText()).toContain('This session');

      await page.getByLabel('Authentication code', { exact: true }).fill(await freshTotpCode(secret));
      await page.getByRole('button', { name: 'Regenerate recovery codes', exact: true }).click();
      await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
      const regenerated = await page.getByTestId('recovery-codes').locator('li').allInnerTexts();
      expect(regenerated).toHaveLength(10);
      // The status above the form counts the new codes at once (it said "No recovery codes remain", issue 9).
      await page.getByText('Active. 10 unused recovery codes.').waitFor();
      expect(regenerated).not.toContain(recoveryCodes[1]);
    });
    expect(await countAuditEvents('two_factor.recovery_code_used', { result: 'success' })).toBeGreaterThanOrEqual(1);
    expect(await countAuditEvents('session.others_revoked', { result: 'success' })).toBeGreaterThanOrEqual(1);
  });
});
