'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getClientAddress, getUserAgent } from '@/app/_server/request-context';
import {
  clearLoginCookie,
  LAST_TENANT_COOKIE,
  lastTenantCookieOptions,
  PENDING_LOGIN_COOKIE,
  pendingLoginCookieOptions,
  RETURN_TO_COOKIE,
} from '@/app/login/login-cookies';
import { completeLogin } from '@/app/login/complete-login';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { signInReturnPath } from '@/lib/http/return-to';
import { describeError, logger } from '@/lib/logging/logger';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

type LoginField = 'tenantDomain' | 'username' | 'password';

const loginSchema = z.strictObject({
  tenantDomain: z
    .string()
    .max(2048, 'validation.tooLong')
    .refine((value) => value.trim().length > 0, 'validation.required')
    .refine((value) => value.trim().length === 0 || parseTenantDomain(value) !== null, 'validation.tenantDomainFormat'),
  username: z.string().trim().min(1, 'validation.required').max(256, 'validation.tooLong'),
  password: z.string().min(1, 'validation.required').max(1024, 'validation.tooLong'),
  // The deep link the login started from (hidden field); only a same-origin path is kept.
  returnTo: z.string().max(2048).optional(),
});

const KEPT_FIELDS = ['tenantDomain', 'username'] as const;

const PASSWORD_STEP_MESSAGES = {
  invalid_credentials: 'login.errors.invalidCredentials',
  rate_limited: 'login.errors.rateLimited',
  // Only after the right password of an RSP-linked account: the other button (issue 15).
  reseller_portal_only: 'login.errors.resellerPortalOnly',
  // Too many logins wait for the password hash workers (issue 11): "try again later".
  busy: 'login.errors.unavailable',
} as const;

export async function submitPasswordStep(_previous: FormState<LoginField>, formData: FormData): Promise<FormState<LoginField>> {
  const parsed = parseForm(loginSchema, formData, KEPT_FIELDS);
  if (!parsed.ok) return parsed.state;
  const values = { tenantDomain: parsed.data.tenantDomain, username: parsed.data.username };

  let result;
  try {
    result = await verifyPasswordStep({ ...parsed.data, clientAddress: await getClientAddress(), userAgent: await getUserAgent() });
  } catch (error) {
    // Includes a failing throttle store: the login is refused, never let through.
    logger.error({ err: describeError(error) }, 'login.password step failed');
    return { status: 'error', message: 'login.errors.unavailable', values };
  }
  if (!result.ok) {
    return { status: 'error', message: PASSWORD_STEP_MESSAGES[result.code], values };
  }

  const cookieJar = await cookies();
  cookieJar.set(PENDING_LOGIN_COOKIE, result.pendingLoginToken, pendingLoginCookieOptions(result.expiresAt));
  cookieJar.set(LAST_TENANT_COOKIE, result.tenantDomain, lastTenantCookieOptions());
  // The deep link travels with the pending login through code, setup and recovery steps.
  const returnTo = signInReturnPath(parsed.data.returnTo);
  if (returnTo) cookieJar.set(RETURN_TO_COOKIE, returnTo, pendingLoginCookieOptions(result.expiresAt));
  else if (cookieJar.has(RETURN_TO_COOKIE)) clearLoginCookie(cookieJar, RETURN_TO_COOKIE);

  if (result.nextStep === 'two_factor_setup') redirect('/login/two-factor-required');
  if (result.nextStep === 'two_factor_code') redirect('/login/code');
  // Accounts that need no second factor (non-administrators without one) finish here.
  const outcome = await completeLogin(result.pendingLoginToken, '');
  if (!outcome.ok && outcome.restart) redirect(`/login?reason=${outcome.restart}`);
  if (!outcome.ok) return { status: 'error', message: outcome.message, values };
  redirect(outcome.redirectTo);
}
