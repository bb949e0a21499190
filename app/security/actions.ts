'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getClientAddress, requireSession } from '@/app/_server/request-context';
import type { RegenerateRecoveryCodesState } from '@/app/_components/regenerate-recovery-codes-form';
import type { FormState } from '@/lib/forms/form-state';
import { totpCodeForm } from '@/lib/forms/fields';
import { parseForm } from '@/lib/forms/parse-form';
import { revokeOtherSessions } from '@/lib/sessions/revoke-other-sessions';
import { regenerateRecoveryCodes } from '@/lib/two-factor/regenerate-recovery-codes';

const REGENERATE_MESSAGES = {
  invalid_code: 'login.errors.invalidCode',
  rate_limited: 'securityPage.regenerate.rateLimited',
  no_two_factor: 'securityPage.regenerate.noTwoFactor',
} as const;

/** New recovery codes for the signed-in user, only with a current authenticator code. */
export async function regenerateCodes(_previous: RegenerateRecoveryCodesState, formData: FormData): Promise<RegenerateRecoveryCodesState> {
  const session = await requireSession();
  const parsed = parseForm(totpCodeForm, formData, []);
  if (!parsed.ok) return parsed.state;
  const result = await regenerateRecoveryCodes({
    userId: session.user.id,
    tenantId: session.tenant.id,
    code: parsed.data.code,
    actorLabel: `${session.user.username}@${session.tenant.tenantDomain}`,
    clientAddress: await getClientAddress(),
  });
  if (!result.ok) return { status: 'error', message: REGENERATE_MESSAGES[result.code] };
  // The two-factor status above the form counts the codes: it must say ten now (issue 9).
  revalidatePath('/security');
  return { status: 'success', message: 'securityPage.regenerate.done', recoveryCodes: result.recoveryCodes };
}

/** Ends every other session of this user; the current one stays (no session-version bump). */
export async function logOutOtherSessions(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = parseForm(z.strictObject({}), formData, []);
  if (!parsed.ok) return parsed.state;
  await revokeOtherSessions({
    userId: session.user.id,
    tenantId: session.tenant.id,
    currentSessionId: session.sessionId,
    actorLabel: `${session.user.username}@${session.tenant.tenantDomain}`,
    clientAddress: await getClientAddress(),
  });
  revalidatePath('/security');
  return { status: 'success', message: 'securityPage.sessions.othersEnded' };
}
