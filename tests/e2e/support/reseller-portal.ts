import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './sign-in';
import { totpCode } from './totp';

// The stand-in Reseller Portal of the browser suite (scripts/reseller-portal-stand-in, started by
// the global setup with its test controls on): sign-ins through it, and its test controls.

export function resellerPortalUrl(): string {
  const url = process.env.E2E_RESELLER_PORTAL_URL;
  if (!url) throw new Error('E2E_RESELLER_PORTAL_URL is not set: run the browser suite with `npm run test:e2e`');
  return url;
}

export type ResellerPortalAccount = { tenantDomain: string; username: string; password?: string; twoFactorSecret?: string | null };

/** The demo reseller (db/seed.ts): RSP-linked, two-factor active in the Reseller Portal. */
export const DEMO_RESELLER = { tenantDomain: '100001.sms', username: 'reseller.admin', password: DEMO_PASSWORD, twoFactorSecret: DEMO_TOTP_SECRET } as const;

export const START_BUTTON = 'Continue to the Reseller Portal';

/** The Reseller Portal's own login, as a person fills it in (its code page when two-factor is active there). */
export async function logInAtResellerPortal(page: Page, account: ResellerPortalAccount): Promise<void> {
  await page.waitForURL(`${resellerPortalUrl()}/interaction/**`);
  await page.getByLabel('Tenant domain').fill(account.tenantDomain);
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  if (!account.twoFactorSecret) return;
  await page.getByLabel('Authentication code').fill(totpCode(account.twoFactorSecret));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

/** "Log in with your Reseller Portal account" from the login page, through the Reseller Portal, back to `landsOn`. */
export async function signInThroughResellerPortal(page: Page, account: ResellerPortalAccount & { landsOn: string; from?: string }): Promise<void> {
  await page.goto(account.from ?? '/login');
  await page.getByRole('button', { name: START_BUTTON }).click();
  await logInAtResellerPortal(page, account);
  await page.waitForURL(account.landsOn);
}

/** The demo reseller through the Reseller Portal, onto its customer selection. */
export function signInAsDemoReseller(page: Page): Promise<void> {
  return signInThroughResellerPortal(page, { ...DEMO_RESELLER, landsOn: '**/customer-selection' });
}

async function control(path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${resellerPortalUrl()}/test-control/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`stand-in test control ${path}: ${response.status} ${await response.text()}`);
  return response;
}

/** Arrangement only: an account of the Reseller Portal (not of the portal); returns its subject. */
export async function createResellerPortalAccount(account: ResellerPortalAccount): Promise<{ subject: string }> {
  const response = await control('accounts', { ...account, password: account.password ?? DEMO_PASSWORD });
  return (await response.json()) as { subject: string };
}

export type IdTokenFault = 'wrong_audience' | 'wrong_issuer' | 'wrong_nonce' | 'expired' | 'bad_signature';

/** The next ID token the Reseller Portal issues is wrong in exactly this way. */
export async function armIdTokenFault(fault: IdTokenFault): Promise<void> {
  await control('id-token-fault', { fault });
}

/**
 * On the Reseller Portal's two-factor page (opened from the RSP dialog): log in, activate
 * two-factor with the new secret it shows and a code from it. Returns the secret.
 */
export async function activateTwoFactorAtResellerPortal(settings: Page, account: ResellerPortalAccount): Promise<string> {
  await settings.waitForURL(`${resellerPortalUrl()}/two-factor`);
  await settings.getByLabel('Tenant domain').fill(account.tenantDomain);
  await settings.getByLabel('Username').fill(account.username);
  await settings.getByLabel('Password').fill(account.password ?? DEMO_PASSWORD);
  await settings.getByRole('button', { name: 'Log in' }).click();
  await settings.getByRole('button', { name: 'Activate two-factor authentication' }).click();
  const secret = (await settings.locator('#two-factor-secret').innerText()).trim();
  await settings.getByLabel('Authentication code').fill(totpCode(secret));
  await settings.getByRole('button', { name: 'Activate', exact: true }).click();
  await settings.locator('#two-factor-state', { hasText: /^active$/ }).waitFor();
  return secret;
}
