import 'server-only';
import { getDb } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { acceptTotpCode } from '@/lib/auth/accept-totp-code';
import { takeWindowQuota } from '@/lib/auth/login-throttle';
import { replaceRecoveryCodes } from './recovery-codes';

// As many tries as a pending login gets, per quarter hour.
export const REGENERATE_CODE_QUOTA = { limit: 5, windowMinutes: 15 };

/**
 * New recovery codes for a signed-in user; the old ones die. A current TOTP code is required
 * (a stolen session alone must not mint a second factor), accepted once like at login.
 */
export async function regenerateRecoveryCodes(input: {
  userId: string;
  tenantId: string;
  code: string;
  actorLabel: string;
  clientAddress: string;
}): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; code: 'invalid_code' | 'rate_limited' | 'no_two_factor' }> {
  const audit = { tenantId: input.tenantId, actorUserId: input.userId, actorTenantId: input.tenantId, actorLabel: input.actorLabel, ipAddress: input.clientAddress };
  if (!(await takeWindowQuota(`regenerate-recovery:${input.userId}`, REGENERATE_CODE_QUOTA))) {
    await recordAuditEvent({ ...audit, action: 'two_factor.recovery_codes_regenerated', result: 'denied', details: { reason: 'rate_limited' } });
    return { ok: false, code: 'rate_limited' };
  }
  const check = await acceptTotpCode(input.userId, input.code);
  if (check !== 'accepted') {
    await recordAuditEvent({ ...audit, action: 'two_factor.recovery_codes_regenerated', result: 'failure', details: { reason: check } });
    return { ok: false, code: check === 'no_two_factor' ? 'no_two_factor' : 'invalid_code' };
  }
  const recoveryCodes = await getDb().transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, { userId: input.userId, tenantId: input.tenantId });
    await recordAuditEvent({ ...audit, action: 'two_factor.recovery_codes_regenerated', result: 'success' }, tx);
    return codes;
  });
  return { ok: true, recoveryCodes };
}
