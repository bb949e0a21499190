'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clearPendingLoginCookie, RETURN_TO_COOKIE } from '@/app/login/login-cookies';
import { resellerPortalAuthorizationUrl } from '@/app/login/reseller-portal/reseller-portal-authorization';
import { formDataToObject } from '@/lib/forms/parse-form';
import { signInReturnPath } from '@/lib/http/return-to';

// The deep link the login started from (hidden field); only a same-origin path is kept.
const startSchema = z.strictObject({ returnTo: z.string().max(2048).optional() });

/** **Log in with your reseller portal account**: on to the reseller portal (a 303 to its authorization endpoint). */
export async function startResellerPortalSignIn(formData: FormData): Promise<void> {
  const parsed = startSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) redirect('/login');
  redirect(await resellerPortalAuthorizationUrl({ returnTo: signInReturnPath(parsed.data.returnTo), forceLogin: false }));
}

/**
 * From the RSP variant of the two-factor dialog, after activating two-factor in the reseller
 * portal: this pending login ends, and the reseller portal authenticates the person afresh.
 */
export async function restartResellerPortalSignIn(): Promise<void> {
  const cookieJar = await cookies();
  const returnTo = signInReturnPath(cookieJar.get(RETURN_TO_COOKIE)?.value);
  clearPendingLoginCookie(cookieJar);
  redirect(await resellerPortalAuthorizationUrl({ returnTo, forceLogin: true }));
}
