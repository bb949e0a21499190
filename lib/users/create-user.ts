import 'server-only';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { ACCOUNT_TOKEN_TTL_MS, issueAccountToken } from '@/lib/auth/account-tokens';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import type { Locale } from '@/lib/i18n/locales';
import { canGrantRole } from './role-grants';
import { UserManagementError } from './user-errors';
import { newUserSchema, type NewUserInput } from './user-input';

/**
 * Invites a user into the acting tenant. The account has no password: user, activation link
 * (24 hours; set a password, then two-factor), invitation email and audit event are written in
 * one transaction, so there is never a user without its invitation or the reverse.
 */
export async function createUser(
  access: TenantAccess,
  input: NewUserInput & { locale: Locale; clientAddress: string },
): Promise<{ userId: string }> {
  requirePermission(access, 'users.manage');
  const data = newUserSchema.parse({ username: input.username, email: input.email, role: input.role });
  const refuse = async (code: 'role_not_grantable' | 'username_taken') => {
    await recordTenantAuditEvent(access, input.clientAddress, {
      action: 'user.created',
      result: 'failure',
      details: { targetUsername: data.username, reason: code },
    });
    return new UserManagementError(code);
  };
  if (!canGrantRole(access, data.role)) throw await refuse('role_not_grantable');

  const tenantId = access.actingTenant.id;
  const created = await getDb().transaction(async (tx) => {
    // The unique index (tenant, lower(username)) makes a concurrent duplicate a no-op here.
    const [row] = await tx
      .insert(users)
      .values({ tenantId, username: data.username, email: data.email, role: data.role, locale: input.locale })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) return null;
    const link = await issueAccountToken(tx, { userId: row.id, tenantId, purpose: 'activation', requestedFromIp: input.clientAddress });
    await enqueueEmail(tx, {
      template: 'user_invitation',
      payload: {
        username: data.username,
        tenantDomain: access.actingTenant.tenantDomain,
        activationUrl: link.url,
        expiresInHours: ACCOUNT_TOKEN_TTL_MS.activation / 3_600_000,
        invitedBy: access.actorLabel,
      },
      tenantId,
      userId: row.id,
      to: data.email,
      locale: input.locale,
      expiresAt: link.expiresAt,
    });
    await recordTenantAuditEvent(
      access,
      input.clientAddress,
      { action: 'user.created', result: 'success', details: { targetUserId: row.id, targetUsername: data.username, role: data.role } },
      tx,
    );
    return { userId: row.id };
  });
  if (!created) throw await refuse('username_taken');
  return created;
}

