import { recordAuditEvent } from '@/lib/audit/record-audit-event';

/**
 * A reseller-portal callback Auth.js refused before any account was known (a replayed code, an
 * ID token for another audience or issuer, a wrong nonce, an expired token, a missing check
 * cookie): one `login.reseller_portal` failure with the reason and where it came from.
 */
export async function recordResellerPortalCallbackRefusal(input: { reason: string; clientAddress: string; userAgent: string | null }): Promise<void> {
  await recordAuditEvent({
    action: 'login.reseller_portal',
    result: 'failure',
    ipAddress: input.clientAddress,
    userAgent: input.userAgent,
    details: { reason: input.reason },
  });
}

/** Our own refusal of a token Auth.js accepted (its signature), recorded the same way. */
export function recordIdTokenRefusal(input: { reason: string; clientAddress: string; userAgent: string | null }): Promise<void> {
  return recordResellerPortalCallbackRefusal({ ...input, reason: `id_token_${input.reason}` });
}
