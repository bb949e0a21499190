'use server';

import { redirect } from 'next/navigation';
import { getClientAddress, getUserAgent } from '@/app/_server/request-context';
import type { TwoFactorSetupFormState } from '@/app/_components/two-factor-setup-form';
import { completeLogin } from '@/app/login/complete-login';
import { requirePendingLogin, requirePendingLoginToken } from '@/app/login/pending-login-context';
import { totpCodeForm } from '@/lib/forms/fields';
import { parseForm } from '@/lib/forms/parse-form';
import { confirmLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';

/** Confirms the new authenticator; the recovery codes come back once, in this answer only. */
export async function confirmLoginSetup(_previous: TwoFactorSetupFormState, formData: FormData): Promise<TwoFactorSetupFormState> {
  const parsed = parseForm(totpCodeForm, formData, []);
  if (!parsed.ok) return parsed.state;
  const token = await requirePendingLoginToken();
  const result = await confirmLoginTwoFactorSetup({
    pendingLoginToken: token,
    code: parsed.data.code,
    clientAddress: await getClientAddress(),
    userAgent: await getUserAgent(),
  });
  if (!result.ok && result.code === 'pending_login_expired') redirect('/login?reason=expired');
  if (!result.ok) return { status: 'error', message: 'login.errors.invalidCode' };
  return { status: 'success', message: 'twoFactorSetup.activated', recoveryCodes: result.recoveryCodes };
}

/**
 * **Continue** after enrollment or a recovery code: the pending login (now at step `none`,
 * reachable only with this browser's cookie) becomes a session through Auth.js.
 */
export async function continueLogin(): Promise<void> {
  const { token } = await requirePendingLogin('none');
  const outcome = await completeLogin(token, '');
  if (!outcome.ok) redirect(`/login?reason=${outcome.restart ?? 'expired'}`);
  redirect(outcome.redirectTo);
}
