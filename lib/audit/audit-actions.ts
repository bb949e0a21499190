/**
 * Every audit action id the portal records, in one list. `AuditAction` is this union, so a new
 * `recordAuditEvent({ action: '…' })` does not compile until its id is listed here, and
 * tests/unit/audit-event-messages.test.ts fails until it has a sentence in English and German
 * (messages/<locale>/audit.json, `audit.events.<id>`). The audit page filters by these ids.
 */
export const AUDIT_ACTIONS = [
  'account.activated',
  'audit.exported',
  'authz_denied',
  'configuration.created',
  'configuration.deleted',
  'configuration.updated',
  'customer.created',
  'customer.updated',
  'customers.exported',
  'license.created',
  'license.extended',
  'license.reminder_sent',
  'license.revoked',
  'login.completed',
  'login.lockout',
  'login.password',
  'login.reseller_portal',
  'login.two_factor',
  'logout',
  'password_reset.completed',
  'password_reset.requested',
  'password_reset.second_factor',
  'reseller_portal.linked',
  'session.others_revoked',
  'tenant.switched',
  'two_factor.activation_email_requested',
  'two_factor.activation_email_sent',
  'two_factor.change_reported',
  'two_factor.enrolled',
  'two_factor.recovery_code_used',
  'two_factor.recovery_codes_regenerated',
  'two_factor.reminder_deferred',
  'user.created',
  'user.disabled',
  'user.enabled',
  'user.password_reset_sent',
  'user.role_changed',
  'user.two_factor_reset',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN = new Set<string>(AUDIT_ACTIONS);

export function isAuditAction(value: string): value is AuditAction {
  return KNOWN.has(value);
}
