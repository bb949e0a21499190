import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { advancePendingLogin, findPendingLogin } from '@/lib/auth/pending-login';
import { getSignInTwoFactorRequirement } from '@/lib/two-factor/sign-in-two-factor-requirement';

/**
 * "Remind me later" before the enforcement deadline: the pending login may finish without a
 * second factor. Only the server's deadline decides; after it this answers `blocked`.
 */
export async function remindTwoFactorLater(input: {
  pendingLoginToken: string;
  clientAddress: string;
}): Promise<{ ok: true } | { ok: false; code: 'pending_login_expired' | 'blocked' }> {
  const pending = await findPendingLogin(input.pendingLoginToken);
  if (!pending || pending.nextStep !== 'two_factor_setup') return { ok: false, code: 'pending_login_expired' };
  const requirement = await getSignInTwoFactorRequirement(pending);
  const audit = {
    action: 'two_factor.reminder_deferred' as const,
    tenantId: pending.tenant.id,
    actorUserId: pending.user.id,
    actorLabel: `${pending.user.username}@${pending.tenant.tenantDomain}`,
    ipAddress: input.clientAddress,
  };
  if (!requirement?.canRemindLater) {
    await recordAuditEvent({ ...audit, result: 'denied', details: { reason: 'deadline_passed' } });
    return { ok: false, code: 'blocked' };
  }
  if (!(await advancePendingLogin({ pendingLoginId: pending.id, from: 'two_factor_setup', to: 'none' }))) {
    return { ok: false, code: 'pending_login_expired' };
  }
  await recordAuditEvent({ ...audit, result: 'success', details: { deadline: requirement.deadline.toISOString() } });
  return { ok: true };
}
