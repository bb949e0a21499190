import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export type Health = {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  /** Emails waiting to be sent (pending or being sent); null when the database is down. */
  outboxBacklog: number | null;
  /** Age in seconds of the oldest waiting email: a growing value means the worker is stuck. */
  oldestPendingEmailSeconds: number | null;
};

/** For load balancers and monitoring: reveals counts only, never tenant data. */
export async function checkHealth(): Promise<Health> {
  try {
    const result = await getDb().execute<{ backlog: number; oldest: number | null }>(sql`
      SELECT count(*)::int AS backlog,
             extract(epoch FROM now() - min(created_at))::int AS oldest
      FROM email_outbox WHERE status IN ('pending', 'sending')`);
    const row = result.rows[0];
    return { status: 'ok', database: 'up', outboxBacklog: row?.backlog ?? 0, oldestPendingEmailSeconds: row?.oldest ?? null };
  } catch {
    return { status: 'unavailable', database: 'down', outboxBacklog: null, oldestPendingEmailSeconds: null };
  }
}
