import 'server-only';
import { getEnv } from '@/lib/env';

// Served over https (the configured public address), our cookies are Secure and carry the
// __Host- prefix: the browser then refuses them from a sub-domain or over plain http.
const isSecure = getEnv().PUBLIC_BASE_URL.startsWith('https://');
const prefix = isSecure ? '__Host-' : '';

// The pending login between password and code is bound to this browser by an HttpOnly cookie.
export const PENDING_LOGIN_COOKIE = `${prefix}msp_pending_login`;
// Remembers the last tenant domain for the login form: a convenience, it grants nothing.
export const LAST_TENANT_COOKIE = `${prefix}msp_last_tenant`;
// The username for the login form right after a reset or activation link (issue 9); grants nothing.
export const LOGIN_USERNAME_COOKIE = `${prefix}msp_login_username`;
// A same-origin path to open after the login (a deep link), for as long as the pending login lives.
export const RETURN_TO_COOKIE = `${prefix}msp_return_to`;
const LOGIN_USERNAME_SECONDS = 15 * 60;

export function pendingLoginCookieOptions(expiresAt: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure, path: '/', expires: expiresAt };
}

type CookieDeleter = { delete(options: { name: string; path: string; secure: boolean; httpOnly: boolean; sameSite: 'lax' }): unknown };

/**
 * Deletes one of these cookies with the attributes it was set with: a `__Host-` cookie may only
 * be written with Secure, so a bare `delete(name)` was ignored by browsers and the pending login's
 * cookie outlived the login (issue 14.8).
 */
export function clearLoginCookie(cookieJar: CookieDeleter, name: typeof PENDING_LOGIN_COOKIE | typeof RETURN_TO_COOKIE): void {
  const { httpOnly, sameSite, secure, path } = pendingLoginCookieOptions(new Date(0));
  cookieJar.delete({ name, path, secure, httpOnly, sameSite });
}

/** Ends the browser's pending login. */
export function clearPendingLoginCookie(cookieJar: CookieDeleter): void {
  clearLoginCookie(cookieJar, PENDING_LOGIN_COOKIE);
}

export function lastTenantCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure, path: '/', maxAge: 365 * 24 * 60 * 60 };
}

type CookieSetter = { set(name: string, value: string, options: ReturnType<typeof lastTenantCookieOptions> | ReturnType<typeof pendingLoginCookieOptions>): unknown };

/** After a password reset or an activation the login form comes back filled in (tenant domain and username). */
export function rememberSignInAccount(cookieJar: CookieSetter, account: { tenantDomain: string; username: string }): void {
  cookieJar.set(LAST_TENANT_COOKIE, account.tenantDomain, lastTenantCookieOptions());
  cookieJar.set(LOGIN_USERNAME_COOKIE, account.username, { ...lastTenantCookieOptions(), maxAge: LOGIN_USERNAME_SECONDS });
}
