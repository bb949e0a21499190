import 'server-only';

// The pending login between password and code is bound to this browser by an HttpOnly cookie.
export const PENDING_LOGIN_COOKIE = 'msp_pending_login';
// Remembers the last tenant domain for the login form: a convenience, it grants nothing.
export const LAST_TENANT_COOKIE = 'msp_last_tenant';

const isProduction = process.env.NODE_ENV === 'production';

export function pendingLoginCookieOptions(expiresAt: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isProduction, path: '/', expires: expiresAt };
}

export function lastTenantCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isProduction, path: '/', maxAge: 365 * 24 * 60 * 60 };
}
