'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getClientAddress, getUserAgent } from '@/app/_server/request-context';
import type { RecoveryCodeFormState } from '@/app/_components/recovery-code-form';
import { requirePendingLoginToken } from '@/app/login/pending-login-context';
import { parseForm } from '@/lib/forms/parse-form';
import { startLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { redeemLoginRecoveryCode } from '@/lib/two-factor/redeem-login-recovery-code';

const recoverySchema = z.strictObject({
  recoveryCode: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
});

/** A recovery code instead of the authenticator code; the person learns how many remain. */
export async function submitRecoveryCode(_previous: RecoveryCodeFormState, formData: FormData): Promise<RecoveryCodeFormState> {
  const parsed = parseForm(recoverySchema, formData, []);
  if (!parsed.ok) return parsed.state;
  const token = await requirePendingLoginToken();
  const result = await redeemLoginRecoveryCode({
    pendingLoginToken: token,
    code: parsed.data.recoveryCode,
    clientAddress: await getClientAddress(),
    userAgent: await getUserAgent(),
  });
  if (!result.ok && result.code === 'pending_login_expired') redirect('/login?reason=expired');
  if (!result.ok) return { status: 'error', message: 'recoveryLogin.invalid' };
  if (result.nextStep === 'two_factor_setup') {
    // That was the last code: enroll a new authenticator now, inside this login.
    await startLoginTwoFactorSetup(token);
    redirect('/login/setup');
  }
  return { status: 'success', message: 'recoveryLogin.accepted', remaining: result.remaining };
}
