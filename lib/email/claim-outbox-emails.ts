import 'server-only';
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox } from '@/db/schema';

export type ClaimedEmail = {
  id: string;
  tenantId: string;
  toAddress: string;
  locale: string;
  template: string;
  payloadEncrypted: string | null;
  attempts: number;
};

/**
 * Claims due emails for one worker, in one short transaction: FOR UPDATE SKIP LOCKED lets several
 * instances claim at once without waiting for or taking each other's rows. A claimed row gets a
 * lease (locked_until); a worker that dies leaves it to be claimed again once the lease runs out.
 * Due emails whose link has died meanwhile are marked skipped here and never sent.
 */
export async function claimOutboxEmails(
  db: Db,
  options: { now: Date; batchSize: number; leaseMs: number },
): Promise<{ claimed: ClaimedEmail[]; skipped: number }> {
  const { now } = options;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id, expiresAt: emailOutbox.expiresAt })
      .from(emailOutbox)
      .where(
        and(
          or(eq(emailOutbox.status, 'pending'), and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.lockedUntil, now))),
          lte(emailOutbox.nextAttemptAt, now),
        ),
      )
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(options.batchSize)
      .for('update', { skipLocked: true });

    const expiredIds = due.filter((row) => row.expiresAt && row.expiresAt <= now).map((row) => row.id);
    const sendIds = due.filter((row) => !expiredIds.includes(row.id)).map((row) => row.id);

    if (expiredIds.length > 0) {
      await tx
        .update(emailOutbox)
        .set({ status: 'skipped', payloadEncrypted: null, lockedUntil: null, lastError: 'link expired before sending' })
        .where(and(inArray(emailOutbox.id, expiredIds), isNotNull(emailOutbox.expiresAt)));
    }
    if (sendIds.length === 0) return { claimed: [], skipped: expiredIds.length };

    const claimed = await tx
      .update(emailOutbox)
      .set({
        status: 'sending',
        lockedUntil: new Date(now.getTime() + options.leaseMs),
        attempts: sql`${emailOutbox.attempts} + 1`,
      })
      .where(inArray(emailOutbox.id, sendIds))
      .returning({
        id: emailOutbox.id,
        tenantId: emailOutbox.tenantId,
        toAddress: emailOutbox.toAddress,
        locale: emailOutbox.locale,
        template: emailOutbox.template,
        payloadEncrypted: emailOutbox.payloadEncrypted,
        attempts: emailOutbox.attempts,
      });
    return { claimed, skipped: expiredIds.length };
  });
}
