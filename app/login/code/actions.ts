'use server';

import { redirect } from 'next/navigation';
import { completeLogin } from '@/app/login/complete-login';
import { requirePendingLoginToken } from '@/app/login/pending-login-context';
import type { FormState } from '@/lib/forms/form-state';
import { totpCodeForm } from '@/lib/forms/fields';
import { parseForm } from '@/lib/forms/parse-form';

export async function submitTwoFactorCode(_previous: FormState<'code'>, formData: FormData): Promise<FormState<'code'>> {
  const parsed = parseForm(totpCodeForm, formData, []);
  if (!parsed.ok) return parsed.state;
  const pendingLoginToken = await requirePendingLoginToken();

  const outcome = await completeLogin(pendingLoginToken, parsed.data.code);
  // Without a pending login this page cannot be shown again: the login page says why.
  if (!outcome.ok && outcome.restart) redirect(`/login?reason=${outcome.restart}`);
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  redirect(outcome.redirectTo);
}
