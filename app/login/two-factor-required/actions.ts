'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getClientAddress } from '@/app/_server/request-context';
import { completeLogin } from '@/app/login/complete-login';
import { requirePendingLoginToken } from '@/app/login/pending-login-context';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { startLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { remindTwoFactorLater } from '@/lib/two-factor/remind-two-factor-later';
import { sendTwoFactorActivationEmail } from '@/lib/two-factor/send-two-factor-activation-email';

// These buttons carry no fields: anything sent along is refused by the strict schema.
const noFields = z.strictObject({});

/** **Enable 2FA**: creates the setup inside the pending login; the secret never travels in a URL. */
export async function enableTwoFactorFromLogin(): Promise<void> {
  const token = await requirePendingLoginToken();
  const setup = await startLoginTwoFactorSetup(token);
  if (!setup) redirect('/login?reason=expired');
  redirect('/login/setup');
}

/** **Remind me later**: only the server's deadline decides whether the login may continue. */
export async function remindMeLater(): Promise<void> {
  const token = await requirePendingLoginToken();
  const result = await remindTwoFactorLater({ pendingLoginToken: token, clientAddress: await getClientAddress() });
  if (!result.ok) redirect(result.code === 'blocked' ? '/login/two-factor-required' : '/login?reason=expired');
  const outcome = await completeLogin(token, '');
  if (!outcome.ok) redirect(`/login?reason=${outcome.restart ?? 'expired'}`);
  redirect(outcome.redirectTo);
}

/** **Send activation email**: the same neutral answer whatever happened (rate limit, RSP account). */
export async function requestActivationEmail(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(noFields, formData, []);
  if (!parsed.ok) return parsed.state;
  const token = await requirePendingLoginToken();
  await sendTwoFactorActivationEmail({ pendingLoginToken: token, clientAddress: await getClientAddress() });
  return { status: 'success', message: 'twoFactorDialog.emailSent' };
}
