import 'server-only';
import { cookies } from 'next/headers';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { clearLoginCookie, clearPendingLoginCookie, RETURN_TO_COOKIE } from '@/app/login/login-cookies';
import { collectLoginCompletion, type LoginCompletion } from '@/lib/auth/login-completion';
import { signInReturnPath } from '@/lib/http/return-to';
import { logger } from '@/lib/logging/logger';

const MESSAGES: Record<string, string> = {
  invalid_code: 'login.errors.invalidCode',
  pending_login_expired: 'login.errors.pendingLoginExpired',
  two_factor_required: 'login.errors.pendingLoginExpired',
  no_valid_license: 'login.errors.noValidLicense',
};

/** Why the person must start the login again; shown by /login?reason=…. */
export type LoginRestartReason = 'expired' | 'license';

export type LoginOutcome =
  | { ok: true; redirectTo: string }
  | { ok: false; message: string; restart: LoginRestartReason | null };

/**
 * Hands the pending login (and code) to Auth.js, which creates the session cookie; then the
 * deep link the login started from, if any (a same-origin path only, checked again here), else
 * the person's start page directly, without a detour through `/` (issue 11: one request less).
 */
export async function completeLogin(pendingLoginToken: string, code: string): Promise<LoginOutcome> {
  let completion: LoginCompletion;
  try {
    completion = await collectLoginCompletion(() => signIn('credentials', { pendingLoginToken, code, redirect: false }));
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const restart = error.code === 'invalid_code' ? null : error.code === 'no_valid_license' ? 'license' : 'expired';
      // After a license refusal the (used-up) pending login's cookie stays: it lets the login
      // page name the reseller to contact, to this browser only (findLicenseContact).
      if (restart === 'expired') clearPendingLoginCookie(await cookies());
      return { ok: false, message: MESSAGES[error.code] ?? 'login.errors.unavailable', restart };
    }
    if (error instanceof AuthError) {
      // Also a lost database: Auth.js wraps what authorize() throws. The code form says so and keeps the code.
      logger.error({ authError: error.name }, 'login completion failed');
      return { ok: false, message: 'login.errors.unavailable', restart: null };
    }
    throw error;
  }
  const cookieJar = await cookies();
  clearPendingLoginCookie(cookieJar);
  const returnTo = signInReturnPath(cookieJar.get(RETURN_TO_COOKIE)?.value);
  if (cookieJar.has(RETURN_TO_COOKIE)) clearLoginCookie(cookieJar, RETURN_TO_COOKIE);
  // The start page comes from the pending login the credentials provider verified; access is
  // decided again by the page the browser lands on.
  return { ok: true, redirectTo: returnTo ?? completion.startPath ?? '/' };
}
