// The sign-in through the reseller portal as configured (RESELLER_PORTAL_*). At the root of lib/,
// beside env.ts: lib/auth's password step asks it, and lib/reseller-portal builds on lib/auth.

import { getEnv } from '@/lib/env';

/** Auth.js provider id; the reseller portal registers `<AUTH_URL>/api/auth/callback/reseller-portal`. */
export const RESELLER_PORTAL_PROVIDER_ID = 'reseller-portal';

/**
 * The claims the reseller portal issues in its ID token to name the portal account it belongs to
 * (scope `portal_account`). They link an account on its first sign-in only; afterwards the
 * subject does (lib/reseller-portal/resolve-reseller-portal-account.ts).
 */
export const RESELLER_PORTAL_SCOPE = 'openid portal_account';
export const TENANT_DOMAIN_CLAIM = 'tenant_domain';
export const USERNAME_CLAIM = 'username';

export type ResellerPortalSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `acr` values that count as a second factor, besides `amr` containing otp or mfa. */
  twoFactorAcrValues: readonly string[];
  allowLocalPassword: boolean;
};

/** The sign-in through the reseller portal, or null when it is not configured (no button then). */
export function getResellerPortalSettings(): ResellerPortalSettings | null {
  const env = getEnv();
  if (!env.RESELLER_PORTAL_ISSUER || !env.RESELLER_PORTAL_CLIENT_ID || !env.RESELLER_PORTAL_CLIENT_SECRET) return null;
  return {
    issuer: env.RESELLER_PORTAL_ISSUER,
    clientId: env.RESELLER_PORTAL_CLIENT_ID,
    clientSecret: env.RESELLER_PORTAL_CLIENT_SECRET,
    twoFactorAcrValues: env.RESELLER_PORTAL_TWO_FACTOR_ACR,
    allowLocalPassword: env.RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD,
  };
}

/**
 * RSP-linked accounts sign in through the reseller portal, where their password and two-factor
 * live; their password here stays unused unless RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD says so.
 * Without a configured reseller-portal sign-in they keep the password here, so nobody is locked out.
 */
export function mayUseLocalPassword(account: { isRspLinked: boolean }): boolean {
  if (!account.isRspLinked) return true;
  const settings = getResellerPortalSettings();
  return !settings || settings.allowLocalPassword;
}

/**
 * The origin the login form's post may be redirected to (CSP `form-action`): without JavaScript
 * the browser follows the 303 to the reseller portal's authorization endpoint, which Chromium
 * checks against `form-action` like the form's own target.
 */
export function resellerPortalFormActionSource(): string | null {
  const issuer = getEnv().RESELLER_PORTAL_ISSUER;
  return issuer && getResellerPortalSettings() ? new URL(issuer).origin : null;
}
