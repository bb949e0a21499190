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

export function lastTenantCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isSecure, path: '/', maxAge: 365 * 24 * 60 * 60 };
}
