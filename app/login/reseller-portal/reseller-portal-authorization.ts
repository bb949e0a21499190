import 'server-only';
import { cookies } from 'next/headers';
import { signIn } from '@/auth';
import { pendingLoginCookieOptions, RETURN_TO_COOKIE } from '@/app/login/login-cookies';
import { PENDING_LOGIN_TTL_MS } from '@/lib/auth/pending-login';
import { describeError, logger } from '@/lib/logging/logger';
import { getResellerPortalSettings, RESELLER_PORTAL_PROVIDER_ID } from '@/lib/reseller-portal-settings';

/**
 * The reseller portal's authorization URL for this browser: Auth.js stores state, PKCE verifier,
 * nonce and the callback URL in its cookies and discovers the endpoint. `forceLogin` asks the
 * reseller portal for a fresh authentication (`prompt=login`), so that its next ID token can name
 * a second factor activated since its last sign-in. The deep link also waits in our own cookie,
 * for the ways that end in a pending login (the two-factor dialog's "Remind me later").
 */
export async function resellerPortalAuthorizationUrl(options: { returnTo: string | null; forceLogin: boolean }): Promise<string> {
  if (!getResellerPortalSettings()) return '/login';
  const cookieJar = await cookies();
  if (options.returnTo) cookieJar.set(RETURN_TO_COOKIE, options.returnTo, pendingLoginCookieOptions(new Date(Date.now() + PENDING_LOGIN_TTL_MS)));
  try {
    return await signIn(RESELLER_PORTAL_PROVIDER_ID, { redirect: false, redirectTo: options.returnTo ?? '/' }, options.forceLogin ? { prompt: 'login' } : undefined);
  } catch (error) {
    // The reseller portal's discovery did not answer: say so, never a raw error.
    logger.error({ err: describeError(error) }, 'reseller portal sign-in could not start');
    return '/login?reason=resellerPortalUnavailable';
  }
}
