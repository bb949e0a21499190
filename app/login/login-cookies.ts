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

export function pendingLoginCookieOptions(expiresAt: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure, path: '/', expires: expiresAt };
}

type CookieDeleter = { delete(options: { name: string; path: string; secure: boolean; httpOnly: boolean; sameSite: 'lax' }): unknown };

/**
 * Ends the browser's pending login. The deletion carries the attributes the cookie was set
 * with: a `__Host-` cookie may only be written with Secure, so a bare `delete(name)` was
 * ignored by browsers and the cookie outlived the login (issue 14.8).
 */
export function clearPendingLoginCookie(cookieJar: CookieDeleter): void {
  const { httpOnly, sameSite, secure, path } = pendingLoginCookieOptions(new Date(0));
  cookieJar.delete({ name: PENDING_LOGIN_COOKIE, path, secure, httpOnly, sameSite });
}

export function lastTenantCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure, path: '/', maxAge: 365 * 24 * 60 * 60 };
}
