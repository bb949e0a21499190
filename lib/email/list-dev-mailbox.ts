import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { devMailbox, emailOutbox } from '@/db/schema';

export type DevMailboxEntry = { id: string; to: string; subject: string; createdAt: Date; status: string };
export type DevMailboxMessage = DevMailboxEntry & { text: string; html: string };

const columns = {
  id: devMailbox.id,
  to: devMailbox.toAddress,
  subject: devMailbox.subject,
  createdAt: devMailbox.createdAt,
  status: emailOutbox.status,
};

/** Development only (/dev/mailbox): what the portal would have sent, newest first. */
export async function listDevMailbox(executor: DbExecutor, limit = 200): Promise<DevMailboxEntry[]> {
  const rows = await executor
    .select(columns)
    .from(devMailbox)
    .leftJoin(emailOutbox, eq(emailOutbox.id, devMailbox.outboxId))
    .orderBy(desc(devMailbox.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, status: row.status ?? 'unknown' }));
}

export async function getDevMailboxMessage(executor: DbExecutor, id: string): Promise<DevMailboxMessage | null> {
  const [row] = await executor
    .select({ ...columns, text: devMailbox.text, html: devMailbox.html })
    .from(devMailbox)
    .leftJoin(emailOutbox, eq(emailOutbox.id, devMailbox.outboxId))
    .where(eq(devMailbox.id, id));
  return row ? { ...row, status: row.status ?? 'unknown' } : null;
}
