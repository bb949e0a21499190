import type { Locator, Page } from 'playwright-core';
import { unusedTotpCode } from './totp';

// Demo data from db/seed.ts (README, "Demo logins").
export const DEMO_PASSWORD = 'Correct-Horse-Battery-9';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The first login step, as a person fills it in. */
export async function enterPassword(page: Page, account: { tenantDomain: string; username: string; password?: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tenant domain', { exact: true }).fill(account.tenantDomain);
  await page.getByLabel('Username', { exact: true }).fill(account.username);
  await page.getByLabel('Password', { exact: true }).fill(account.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** The second login step. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Authentication code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

/** Both steps for a demo user with two-factor, with a code the server has not accepted yet. */
export async function signInAsDemoUser(page: Page, account: { tenantDomain: string; username: string; landsOn: string }): Promise<void> {
  await enterPassword(page, account);
  await page.waitForURL('**/login/code');
  await enterCode(page, await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET }));
  await page.waitForURL(account.landsOn);
}

/** Opens the header's user menu (a native popover: HTML opens it, also without JavaScript). */
export async function openUserMenu(page: Page): Promise<Locator> {
  await page.locator('header .user-menu__toggle').click();
  const menu = page.locator('#user-menu');
  await menu.waitFor({ state: 'visible' });
  return menu;
}

/** Logs out as a person would: the header's user menu, then "Log out". */
export async function logOutFromHeader(page: Page): Promise<void> {
  const menu = await openUserMenu(page);
  await menu.getByRole('button', { name: 'Log out', exact: true }).click();
}
