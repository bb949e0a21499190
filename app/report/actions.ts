'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getClientAddress, getUserAgent } from '@/app/_server/request-context';
import { parseForm } from '@/lib/forms/parse-form';
import { reportTwoFactorChange } from '@/lib/two-factor/report-two-factor-change';

// The token is bound by the page but arrives from the browser, so it is validated again.
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** "This was not me": carries the report out, then the login page says what happened. */
export async function reportTwoFactorChangeAction(token: string, formData: FormData): Promise<void> {
  const parsedToken = tokenSchema.safeParse(token);
  if (!parsedToken.success || !parseForm(z.strictObject({}), formData, []).ok) redirect('/login');
  const reported = await reportTwoFactorChange({ token: parsedToken.data, clientAddress: await getClientAddress(), userAgent: await getUserAgent() });
  redirect(reported ? '/login?reason=reported' : `/report/${parsedToken.data}`);
}
