import 'server-only';
import { cookies } from 'next/headers';
import type { User } from 'next-auth';
import { clearLoginCookie, PENDING_LOGIN_COOKIE, pendingLoginCookieOptions, RETURN_TO_COOKIE } from '@/app/login/login-cookies';
import { resolveClientAddress } from '@/lib/http/client-address';
import { logger } from '@/lib/logging/logger';
import { recordIdTokenRefusal } from '@/lib/reseller-portal/record-callback-refusal';
import { getResellerPortalSettings } from '@/lib/reseller-portal-settings';
import { signInWithResellerPortal } from '@/lib/reseller-portal/sign-in-with-reseller-portal';
import { verifyResellerPortalIdToken } from '@/lib/reseller-portal/verify-reseller-portal-id-token';

/** Where the login page explains what happened (app/login/page.tsx). */
const REFUSED = '/login?reason=resellerPortalRefused';
const FAILED = '/login?reason=resellerPortalFailed';
const UNAVAILABLE = '/login?reason=resellerPortalUnavailable';

/**
 * Auth.js's signIn callback for the reseller portal, after it accepted the callback: verify the
 * ID token's signature, then let lib/ decide. `true` lets Auth.js write the session cookie for
 * the session row lib/ created (its id goes into the JWT, nothing else); a path ends here without
 * a session: the RSP two-factor dialog or the license notice (both on a pending login, bound to
 * this browser by its cookie), or a refusal.
 */
export async function finishResellerPortalSignIn(input: { user: User; idToken: unknown; headers: Headers | undefined }): Promise<true | string> {
  const settings = getResellerPortalSettings();
  if (!settings || typeof input.idToken !== 'string') return FAILED;
  const clientAddress = input.headers ? resolveClientAddress(input.headers) : 'unknown';
  const userAgent = input.headers?.get('user-agent') ?? null;
  const checked = await verifyResellerPortalIdToken(input.idToken, settings);
  if (!checked.ok) {
    logger.warn({ reason: checked.reason }, 'reseller portal ID token refused');
    await recordIdTokenRefusal({ reason: checked.reason, clientAddress, userAgent });
    return checked.reason === 'issuer_unreachable' ? UNAVAILABLE : FAILED;
  }
  const result = await signInWithResellerPortal({ identity: checked.identity, acceptedAcrValues: settings.twoFactorAcrValues, clientAddress, userAgent });
  const cookieJar = await cookies();
  if (result.ok) {
    Object.assign(input.user, { id: result.userId, sessionId: result.sessionId, sessionVersion: result.sessionVersion });
    // The deep link went to Auth.js as its callback URL; the copy for the dialog's way is done.
    if (cookieJar.has(RETURN_TO_COOKIE)) clearLoginCookie(cookieJar, RETURN_TO_COOKIE);
    return true;
  }
  if (!('pendingLoginToken' in result)) return result.code === 'not_linkable' ? REFUSED : '/login?reason=expired';
  cookieJar.set(PENDING_LOGIN_COOKIE, result.pendingLoginToken, pendingLoginCookieOptions(result.expiresAt));
  return result.code === 'second_factor_required' ? '/login/two-factor-required' : '/login?reason=license';
}
