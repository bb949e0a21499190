import type { Locator, Page } from 'playwright-core';
import { useBrowser, withPage } from './support/browser';
import { createUserWithoutTwoFactor, e2eDb, giveDemoTwoFactor } from './support/db';
import { waitForEmail } from './support/sent-emails';
import { signInAsDemoReseller } from './support/reseller-portal';
import { DEMO_TOTP_SECRET, enterCode, enterPassword, logOutFromHeader, openUserMenu, signInAsDemoUser } from './support/sign-in';
import { totpCode, waitForNextTotpStep } from './support/totp';

// Every flow of the tenant and reseller pages, in Chromium with JavaScript switched off: plain
// form posts, native popovers and disclosures, GET searches. Each action must end with its
// answer on the page (ActionResult at the top, or the form's own message).

const TENANT = '123456.sms';
const RESELLER = '100001.sms';
const NO_SCRIPT = { javaScriptEnabled: false } as const;

const signInAsAlphaAdmin = (page: Page) => signInAsDemoUser(page, { tenantDomain: TENANT, username: 'admin', landsOn: `**/tenant/${TENANT}` });
// The demo reseller is RSP-linked: through the stand-in Reseller Portal, whose pages need no script either (issue 15).
const signInAsReseller = (page: Page) => signInAsDemoReseller(page);

/** The page-level answer of an action (app/_components/action-result.tsx). */
async function expectResult(page: Page, text: string | RegExp, role: 'status' | 'alert' = 'status'): Promise<void> {
  await page.locator('.action-result').getByRole(role).filter({ hasText: text }).waitFor();
}

/** Opens a row's menu (a native popover), opens one action's confirmation, fills it, confirms. */
async function runRowAction(row: Locator, action: string, confirm: string, fill?: (menu: Locator) => Promise<unknown>): Promise<void> {
  await row.locator('.row-actions > button').click();
  const menu = row.locator('[popover]');
  await menu.waitFor({ state: 'visible' });
  await menu.locator('summary', { hasText: action }).click();
  if (fill) await fill(menu);
  await menu.getByRole('button', { name: confirm, exact: true }).click();
}

async function createLicenseForNewCustomer(page: Page, name: string, contactEmail: string): Promise<{ tenantDomain: string; customerPath: string }> {
  await page.goto(`/tenant/${RESELLER}/customers`);
  await page.getByRole('link', { name: 'Create license', exact: true }).click();
  await page.waitForURL('**/customers/new-license');
  await page.getByLabel('Customer name').fill(name);
  await page.getByLabel('Contact email').fill(contactEmail);
  await page.getByLabel('License type').selectOption('mobile_security');
  await page.getByRole('button', { name: 'Create license' }).click();
  await page.waitForURL('**/customers/*?done=customerCreated*');
  const { rows } = await e2eDb().query<{ tenant_domain: string }>('select tenant_domain from tenants where name = $1', [name]);
  expect(rows).toHaveLength(1);
  const tenantDomain = rows[0]!.tenant_domain;
  await expectResult(page, `${name} is a new customer with the tenant domain ${tenantDomain}`);
  return { tenantDomain, customerPath: new URL(page.url()).pathname };
}

describe('tenant and reseller flows with JavaScript off', () => {
  const browser = useBrowser();

  test('customer admin: invites a user, changes its role, sends a password reset, resets its two-factor, disables and enables it', async () => {
    const username = `nojs.${Date.now().toString(36)}`;
    await withPage(
      browser(),
      async (page) => {
        await signInAsAlphaAdmin(page);
        await page.goto(`/tenant/${TENANT}/users`);
        await page.getByLabel('Username', { exact: true }).fill(username);
        await page.getByLabel('Email', { exact: true }).fill(`${username}@example.test`);
        await page.getByLabel('Role', { exact: true }).selectOption('helpdesk');
        await page.getByRole('button', { name: 'Create user and send invitation' }).click();
        await page.getByRole('status').filter({ hasText: 'User created.' }).waitFor();
        const row = page.locator(`tr[data-username="${username}"]`);

        await runRowAction(row, 'Change role', 'Yes, change the role', (menu) => menu.getByLabel(`New role for ${username}`).selectOption('auditor'));
        await expectResult(page, `${username} now has the role Auditor.`);
        expect(await row.innerText()).toContain('Auditor');

        await runRowAction(row, 'Send password reset', 'Yes, send the email');
        await expectResult(page, `Password-reset email sent to ${username}.`);

        const { rows } = await e2eDb().query<{ id: string }>('select id from users where username = $1', [username]);
        await giveDemoTwoFactor(rows[0]!.id, DEMO_TOTP_SECRET);
        await page.reload();
        await runRowAction(row, 'Reset two-factor', 'Yes, reset two-factor');
        await expectResult(page, `Two-factor for ${username} is reset.`);
        const after = await e2eDb().query<{ enabled: Date | null }>('select two_factor_enabled_at as enabled from users where id = $1', [rows[0]!.id]);
        expect(after.rows[0]!.enabled).toBeNull();

        await runRowAction(row, 'Disable', 'Yes, disable');
        await expectResult(page, `${username} is disabled.`);
        expect(await row.innerText()).toContain('Disabled');
        await runRowAction(row, 'Enable', 'Yes, enable');
        await expectResult(page, `${username} is enabled again.`);
      },
      NO_SCRIPT,
    );
    // Each answer on the page matches a change that happened: the audit trail of this user.
    const { rows } = await e2eDb().query<{ action: string }>(
      `select action from audit_events where details->>'targetUsername' = $1 and result = 'success' order by occurred_at, id`,
      [username],
    );
    expect(rows.map((row) => row.action)).toEqual(['user.created', 'user.role_changed', 'user.password_reset_sent', 'user.two_factor_reset', 'user.disabled', 'user.enabled']);
  });

  test('the app shell: user menu (Security, language, Log out) and the phone navigation menu open and work', async () => {
    await withPage(
      browser(),
      async (page) => {
        await signInAsAlphaAdmin(page);
        await page.goto(`/tenant/${TENANT}/users`);
        const header = page.locator('header');
        expect(await header.innerText()).toContain('Alpha Logistik GmbH (123456.sms) · admin');

        // The language: one press in the user menu (a popover HTML opens), back on the same page.
        let menu = await openUserMenu(page);
        await menu.getByRole('button', { name: 'Deutsch', exact: true }).click();
        await page.locator('html[lang="de"]').waitFor();
        expect(new URL(page.url()).pathname).toBe(`/tenant/${TENANT}/users`);
        menu = await openUserMenu(page);
        await menu.getByRole('button', { name: 'English', exact: true }).click();
        await page.locator('html[lang="en"]').waitFor();

        // On a phone the sections are behind "Menu"; at 1280 px they are a row of links.
        expect(await page.locator('.tenant-nav__toggle').isVisible()).toBe(false);
        await page.setViewportSize({ width: 320, height: 800 });
        const sections = page.getByRole('navigation', { name: 'Tenant sections' });
        expect(await sections.getByRole('link', { name: 'Audit log' }).isVisible()).toBe(false);
        await sections.getByRole('button', { name: 'Menu' }).click();
        await sections.getByRole('link', { name: 'Audit log' }).click();
        await page.waitForURL(`**/tenant/${TENANT}/audit`);
        await page.setViewportSize({ width: 1280, height: 800 });

        menu = await openUserMenu(page);
        await menu.getByRole('link', { name: 'Security' }).click();
        await page.getByRole('heading', { level: 1, name: 'Security' }).waitFor();
        await logOutFromHeader(page);
        await page.waitForURL('**/login?reason=loggedOut');
      },
      NO_SCRIPT,
    );
  });

  test('customer admin: creates an iOS profile, edits and deletes it from its menu, filters the audit log', async () => {
    const name = `No script ${Date.now().toString(36)}`;
    await withPage(
      browser(),
      async (page) => {
        await signInAsAlphaAdmin(page);
        await page.goto(`/tenant/${TENANT}/configurations/new`);
        await page.getByLabel('Name', { exact: true }).fill(name);
        await page.getByLabel('Platform').selectOption('ios');
        // The stylesheet shows the chosen platform's toggle; no script swaps it.
        expect(await page.getByLabel('Allow the App Store (iOS)').isVisible()).toBe(true);
        expect(await page.getByLabel('Allow apps from unknown sources (Android)').isVisible()).toBe(false);
        await page.getByRole('button', { name: 'Create profile' }).click();
        await expectResult(page, `Profile “${name}” created.`);
        const row = page.getByRole('row', { name: new RegExp(name) });
        expect(await row.innerText()).toContain('iOS');

        await row.locator('.row-actions > button').click();
        await row.locator('[popover]').getByRole('link', { name: 'Edit' }).click();
        await page.getByLabel('Name', { exact: true }).fill(`${name} v2`);
        await page.getByRole('button', { name: 'Save changes' }).click();
        await expectResult(page, `Profile “${name} v2” saved.`);

        await runRowAction(page.getByRole('row', { name: new RegExp(`${name} v2`) }), 'Delete', 'Yes, delete the profile');
        await expectResult(page, 'Profile deleted.');
        expect(await page.locator('main').innerText()).not.toContain(name);

        await page.goto(`/tenant/${TENANT}/audit`);
        await page.getByLabel('Event type').selectOption('configuration.deleted');
        await page.getByRole('button', { name: 'Filter' }).click();
        await page.waitForURL('**/audit?*action=configuration.deleted*');
        const events = await page.getByRole('table').innerText();
        // The events read as sentences (issue 10); the raw id is in the closed details.
        expect(events).toContain(`deleted the configuration profile ${name} v2`);
        expect(events).not.toContain('created the configuration profile');
      },
      NO_SCRIPT,
    );
  });

  test('reseller: searches with Enter, switches into customers from the selection and from the header menu', async () => {
    await withPage(
      browser(),
      async (page) => {
        await signInAsReseller(page);
        const search = page.locator('main').getByLabel('Search customers');
        await search.fill('beta');
        await search.press('Enter');
        await page.waitForURL('**/customer-selection?q=beta');
        const list = page.getByRole('table', { name: 'Customers', exact: true });
        expect(await list.innerText()).toContain('Beta Retail AG');
        expect(await list.innerText()).not.toContain('Alpha Logistik GmbH');
        await list.getByRole('button', { name: /Beta Retail AG/ }).click();
        await page.waitForURL('**/tenant/234567.sms');
        await page.locator('header').getByText('Beta Retail AG · you act as reseller.admin of Demo Reseller GmbH').waitFor();

        // The header's menu is a disclosure; its search leads to the selection with the matches.
        const header = page.locator('header');
        await header.getByText('Switch customer').click();
        await header.getByLabel('Search customers').fill('Alpha');
        await header.getByLabel('Search customers').press('Enter');
        await page.waitForURL('**/customer-selection?q=Alpha');
        await page.getByRole('table', { name: 'Customers', exact: true }).getByRole('button', { name: /Alpha Logistik GmbH/ }).click();
        await page.waitForURL(`**/tenant/${TENANT}`);
        await page.locator('header').getByText('Alpha Logistik GmbH · you act as reseller.admin of Demo Reseller GmbH').waitFor();
      },
      NO_SCRIPT,
    );
  });

  test('reseller: creates a license for a new customer, sees its tenant domain and invites its first administrator, who activates the account and signs in', async () => {
    const name = `Erstkunde ${Date.now().toString(36)}`;
    const contactEmail = `it.${Date.now().toString(36)}@erstkunde.example`;
    const customer = await withPage(
      browser(),
      async (page) => {
        await signInAsReseller(page);
        const created = await createLicenseForNewCustomer(page, name, contactEmail);
        await page.getByText('This customer has no administrator yet').waitFor();
        expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(contactEmail);
        await page.getByLabel('Username', { exact: true }).fill('first.admin');
        await page.getByRole('button', { name: 'Send invitation' }).click();
        await expectResult(page, 'The invitation to first.admin is on its way.');
        expect(await page.locator('.customer-admins').innerText()).toContain('Invited, not activated yet');
        return created;
      },
      NO_SCRIPT,
    );

    // The invited person, also without JavaScript: activation link, password, authenticator,
    // sign-in. It proves the invitation leads all the way into the new tenant.
    const email = await waitForEmail({ to: contactEmail });
    const link = email.links.find((href) => href.includes('/activate/'));
    if (!link) throw new Error(`no activation link in: ${email.links.join(', ')}`);
    await withPage(
      browser(),
      async (page) => {
        await page.goto(link);
        const password = 'Harbour-Lantern-Passphrase-2026';
        for (const field of await page.locator('input[type="password"]').all()) await field.fill(password);
        await page.getByRole('button', { name: 'Submit', exact: true }).click();
        const secret = (await page.locator('.two-factor-secret').innerText()).replace(/\s+/g, '');
        await page.locator('input[name="code"]').fill(totpCode(secret));
        await page.getByRole('button', { name: 'Activate', exact: true }).click();
        await page.locator('.recovery-codes__list li').first().waitFor();
        await enterPassword(page, { tenantDomain: customer.tenantDomain, username: 'first.admin', password });
        await page.waitForURL('**/login/code');
        await waitForNextTotpStep();
        await enterCode(page, totpCode(secret));
        await page.waitForURL(`**/tenant/${customer.tenantDomain}`);
        expect(await page.locator('main').innerText()).toContain(name);
      },
      { javaScriptEnabled: false },
    );
  });

  test('reseller: extends and revokes a license, edits the customer, sends a two-factor activation email', async () => {
    const name = `Lizenzkunde ${Date.now().toString(36)}`;
    const blocked = await createUserWithoutTwoFactor({ tenantDomain: TENANT, usernamePrefix: 'nojs.compliance', password: 'Compliance-Passphrase-2026' });
    await withPage(
      browser(),
      async (page) => {
        await signInAsReseller(page);
        const { customerPath } = await createLicenseForNewCustomer(page, name, 'it@lizenzkunde.example');
        const license = page.locator('tr[data-license]');
        await runRowAction(license, 'Extend', 'Extend license', (menu) => menu.getByLabel(/New end date/).fill('2031-01-01'));
        await expectResult(page, `The Mobile Security license of ${name} now runs until Jan 1, 2031.`);

        await runRowAction(license, 'Revoke', 'Yes, revoke the license');
        await expectResult(page, `The Mobile Security license of ${name} is revoked.`);
        expect(await license.innerText()).toContain('revoked');

        await page.getByLabel('Customer name').fill(`${name} AG`);
        await page.getByRole('button', { name: 'Save customer' }).click();
        await expectResult(page, `The details of ${name} AG are saved.`);
        expect(new URL(page.url()).pathname).toBe(customerPath);

        await page.goto(`/tenant/${RESELLER}/compliance`);
        await runRowAction(page.getByRole('row', { name: new RegExp(blocked.username) }), 'Send activation email', 'Yes, send the email');
        await expectResult(page, `Activation email for ${blocked.username} is on its way.`);
      },
      NO_SCRIPT,
    );
    const email = await waitForEmail({ to: blocked.email });
    expect(email.links.some((href) => href.includes('/activate/'))).toBe(true);
  });
});
