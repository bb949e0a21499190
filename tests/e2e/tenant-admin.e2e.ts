import type { Page } from 'playwright-core';
import { useBrowser, withPage } from './support/browser';
import { countAuditEvents, e2eDb } from './support/db';
import { signInAsDemoUser } from './support/sign-in';

// Demo data from db/seed.ts: admin@123456.sms (Alpha Logistik GmbH) manages its own tenant.
const BETA_PROFILE = `Beta only ${Date.now()}`;

function signInAsAlphaAdmin(page: Page) {
  return signInAsDemoUser(page, { tenantDomain: '123456.sms', username: 'admin', landsOn: '**/tenant/123456.sms' });
}

describe('customer admin manages its own tenant', () => {
  const browser = useBrowser();

  beforeAll(async () => {
    // Arrangement only: a profile of another customer (Beta) that Alpha must never see.
    await e2eDb().query(
      `insert into configuration_profiles (tenant_id, name, platform, settings)
       select id, $1, 'ios', '{"passcodeMinLength":6,"screenLockMinutes":5,"cameraAllowed":true,"wifiNetworks":[],"allowAppStore":true}'::jsonb
       from tenants where tenant_domain = '234567.sms'`,
      [BETA_PROFILE],
    );
  });

  test('admin@123456.sms sees only its own users and profiles, creates a profile and a user', async () => {
    await withPage(browser(), async (page) => {
      await signInAsAlphaAdmin(page);

      await page.getByRole('navigation', { name: 'Tenant sections' }).getByRole('link', { name: 'Users', exact: true }).click();
      await page.waitForURL('**/tenant/123456.sms/users');
      const table = page.getByRole('table');
      const usersText = await table.innerText();
      expect(usersText).toContain('new.admin@123456.demo.invalid');
      expect(usersText).toContain('helpdesk@123456.demo.invalid');
      expect(usersText).not.toContain('234567');

      await page.getByRole('navigation', { name: 'Tenant sections' }).getByRole('link', { name: 'Configurations', exact: true }).click();
      await page.waitForURL('**/tenant/123456.sms/configurations');
      expect(await page.locator('main').innerText()).not.toContain(BETA_PROFILE);
      await page.getByRole('link', { name: 'New profile' }).click();
      await page.waitForURL('**/configurations/new');
      await page.getByLabel('Name', { exact: true }).fill('Warehouse scanners');
      await page.getByLabel('Minimum passcode length').fill('8');
      await page.getByLabel('Wi-Fi networks').fill('Warehouse\nOffice');
      await page.getByRole('button', { name: 'Create profile' }).click();
      await page.waitForURL('**/tenant/123456.sms/configurations?done=created**');
      const profileRow = page.getByRole('row', { name: /Warehouse scanners/ });
      await profileRow.waitFor();
      expect(await profileRow.innerText()).toContain('Android');
      expect(await profileRow.innerText()).toContain('2 Wi-Fi networks');
      expect(await page.locator('main').innerText()).not.toContain(BETA_PROFILE);

      const username = `e2e.${Date.now().toString(36)}`;
      await page.goto('/tenant/123456.sms/users');
      await page.getByLabel('Username', { exact: true }).fill(username);
      await page.getByLabel('Email', { exact: true }).fill(`${username}@example.test`);
      await page.getByLabel('Role', { exact: true }).selectOption('auditor');
      await page.getByRole('button', { name: 'Create user and send invitation' }).click();
      await page.getByRole('status').filter({ hasText: 'User created.' }).waitFor();
      const newRow = page.locator(`tr[data-username="${username}"]`);
      await newRow.waitFor();
      const rowText = await newRow.innerText();
      expect(rowText).toContain('Auditor');
      expect(rowText).toContain('Not yet');

      // A row action from the row's menu, with its confirmation step: send the new user a password-reset link.
      await newRow.getByRole('button', { name: `Actions (${username})` }).click();
      const menu = newRow.getByRole('group', { name: `Actions for ${username}` });
      await menu.getByText('Send password reset', { exact: true }).click();
      await menu.getByText(`Send ${username} an email with a password-reset link`).waitFor();
      await menu.getByRole('button', { name: 'Yes, send the email' }).click();
      await page.getByRole('status').filter({ hasText: `Password-reset email sent to ${username}.` }).waitFor();
      // The answer is announced and takes the focus; the menu is closed again.
      expect(await page.evaluate(() => document.activeElement?.classList.contains('action-result'))).toBe(true);
      expect(await page.locator('[popover]:popover-open').count()).toBe(0);

      const { rows } = await e2eDb().query<{ template: string }>(
        `select o.template from email_outbox o join users u on u.id = o.user_id where u.username = $1 order by o.created_at`,
        [username],
      );
      expect(rows.map((row) => row.template)).toEqual(['user_invitation', 'password_reset']);
      expect(await countAuditEvents('user.created', { result: 'success' })).toBeGreaterThanOrEqual(1);

      // The audit log shows what just happened in this tenant, as sentences naming actor and target.
      await page.goto('/tenant/123456.sms/audit');
      const auditText = await page.getByRole('table').innerText();
      expect(auditText).toContain(`admin created the user ${username}`);
      expect(auditText).toContain(`admin sent a password reset link to ${username}`);
      expect(auditText).toContain('admin created the configuration profile Warehouse scanners');

      // Another customer's users page does not exist for this admin.
      const foreign = await page.goto('/tenant/234567.sms/users');
      expect(foreign?.status()).toBe(404);
      expect(await page.locator('body').innerText()).not.toContain('Beta Retail');
    });
  });
});

