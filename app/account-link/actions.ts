'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { TwoFactorSetupFormState } from '@/app/_components/two-factor-setup-form';
import { getClientAddress } from '@/app/_server/request-context';
import { rememberSignInAccount } from '@/app/login/login-cookies';
import type { FormState } from '@/lib/forms/form-state';
import { totpCodeForm } from '@/lib/forms/fields';
import { parseForm } from '@/lib/forms/parse-form';
import { ACCOUNT_LINK_PATHS } from '@/lib/auth/account-tokens';
import { chooseLinkPassword } from '@/lib/account-link/choose-link-password';
import { confirmLinkTwoFactor } from '@/lib/account-link/confirm-link-two-factor';
import { loadAccountLink } from '@/lib/account-link/load-account-link';
import { verifyLinkSecondFactor } from '@/lib/account-link/verify-link-second-factor';

// Reset and activation links (/reset-password/<token>, /activate/<token>). The purpose and
// token are bound by the page but arrive from the browser, so both are validated again.
const linkSchema = z.strictObject({
  purpose: z.enum(['password_reset', 'activation']),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
});
type LinkRef = z.infer<typeof linkSchema>;

async function loadLinkOrRestart(ref: LinkRef) {
  const parsed = linkSchema.safeParse(ref);
  if (!parsed.success) redirect('/password-forgotten?reason=link');
  const link = await loadAccountLink(parsed.data.token, parsed.data.purpose);
  if (!link) redirect('/password-forgotten?reason=link');
  return { link, path: `${ACCOUNT_LINK_PATHS[parsed.data.purpose]}/${parsed.data.token}` };
}

const secondFactorSchema = z.strictObject({
  method: z.enum(['totp', 'recovery_code']),
  code: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
});

export async function verifySecondFactorAction(ref: LinkRef, _previous: FormState<'code'>, formData: FormData): Promise<FormState<'code'>> {
  const { link, path } = await loadLinkOrRestart(ref);
  const parsed = parseForm(secondFactorSchema, formData, []);
  if (!parsed.ok) return parsed.state;
  const result = await verifyLinkSecondFactor({ link, ...parsed.data, clientAddress: await getClientAddress() });
  if (!result.ok) {
    if (result.code === 'wrong_step') redirect(path);
    return { status: 'error', message: result.code === 'too_many_attempts' ? 'accountLink.errors.tooManyAttempts' : 'login.errors.invalidCode' };
  }
  redirect(path);
}

const passwordSchema = z.strictObject({
  password: z.string().min(1, 'validation.required').max(1024, 'validation.tooLong'),
  confirmation: z.string().max(1024, 'validation.tooLong'),
  newAuthenticator: z.literal('on').optional(),
});

export async function choosePasswordAction(
  ref: LinkRef,
  _previous: FormState<'password' | 'confirmation'>,
  formData: FormData,
): Promise<FormState<'password' | 'confirmation'>> {
  const { link, path } = await loadLinkOrRestart(ref);
  const parsed = parseForm(passwordSchema, formData, []);
  if (!parsed.ok) return parsed.state;
  const { newAuthenticator, ...passwords } = parsed.data;
  const result = await chooseLinkPassword({ link, ...passwords, newAuthenticator: newAuthenticator === 'on', clientAddress: await getClientAddress() });
  if (!result.ok) {
    if (result.code === 'mismatch') return { status: 'error', fieldErrors: { confirmation: ['accountLink.errors.mismatch'] } };
    if (result.code === 'password_policy') {
      return { status: 'error', fieldErrors: { password: result.issues.map((issue) => `accountLink.passwordRules.${issue}`) } };
    }
    redirect(path);
  }
  if (!result.completed) redirect(path);
  rememberSignInAccount(await cookies(), { tenantDomain: link.tenant.tenantDomain, username: link.user.username });
  redirect('/login?reason=passwordChanged');
}

export async function confirmTwoFactorAction(ref: LinkRef, _previous: TwoFactorSetupFormState, formData: FormData): Promise<TwoFactorSetupFormState> {
  const { link, path } = await loadLinkOrRestart(ref);
  const parsed = parseForm(totpCodeForm, formData, []);
  if (!parsed.ok) return parsed.state;
  const result = await confirmLinkTwoFactor({ link, code: parsed.data.code, clientAddress: await getClientAddress() });
  if (!result.ok) {
    if (result.code === 'wrong_step' || result.code === 'link_used') redirect(path);
    return { status: 'error', message: result.code === 'too_many_attempts' ? 'accountLink.errors.tooManyAttempts' : 'login.errors.invalidCode' };
  }
  rememberSignInAccount(await cookies(), { tenantDomain: link.tenant.tenantDomain, username: link.user.username });
  // Shown once, by the setup form; the link is used up, so the page cannot show them again.
  return { status: 'success', message: 'accountLink.done', recoveryCodes: result.recoveryCodes };
}
