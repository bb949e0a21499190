import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbTransaction } from '@/db/client';
import { users } from '@/db/schema';
import { markAccountTokenUsed, revokeAccountTokens } from '@/lib/auth/account-tokens';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { isLocale } from '@/lib/i18n/locales';
import type { AccountLink } from './load-account-link';

/**
 * The end of a reset or activation link, inside the caller's transaction: uses the link up
 * (false when another request was first), sets the new password, ends every other link, tells
 * the owner of a reset account by email and audits. Both ways a link completes call this.
 */
export async function applyLinkPassword(
  tx: DbTransaction,
  input: { link: AccountLink; passwordHash: string; clientAddress: string },
): Promise<boolean> {
  const { link } = input;
  if (!(await markAccountTokenUsed(tx, link.token.id))) return false;
  await tx.update(users).set({ passwordHash: input.passwordHash, updatedAt: sql`now()` }).where(eq(users.id, link.user.id));
  await revokeAccountTokens(tx, link.user.id);
  const isReset = link.token.purpose === 'password_reset';
  if (isReset) {
    await enqueueEmail(tx, {
      template: 'password_changed',
      payload: { username: link.user.username, tenantDomain: link.tenant.tenantDomain },
      tenantId: link.tenant.id,
      userId: link.user.id,
      to: link.user.email,
      locale: isLocale(link.user.locale) ? link.user.locale : 'en',
    });
  }
  await recordAuditEvent(
    {
      action: isReset ? 'password_reset.completed' : 'account.activated',
      result: 'success',
      tenantId: link.tenant.id,
      actorUserId: link.user.id,
      actorLabel: `${link.user.username}@${link.tenant.tenantDomain}`,
      ipAddress: input.clientAddress,
    },
    tx,
  );
  return true;
}
