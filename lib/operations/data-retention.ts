import 'server-only';
import { and, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { accountTokens, auditEvents, emailOutbox, loginThrottles, pendingLogins, sessions } from '@/db/schema';
import { getEnv, type Env } from '@/lib/env';

// What the portal deletes once it has expired, and after how long (README, "Data lifecycle").
// Each rule names the rows that no longer do anything, its age setting, and the column the age
// counts from. A rule only ever deletes rows whose purpose has ended: a throttle whose lock or
// window still runs, a pending login or link that still works, an email still waiting or an
// active session is never touched, whatever the setting.

type RetentionSetting =
  | 'RETENTION_LOGIN_THROTTLE_DAYS'
  | 'RETENTION_PENDING_LOGIN_DAYS'
  | 'RETENTION_SESSION_DAYS'
  | 'RETENTION_ACCOUNT_LINK_DAYS'
  | 'RETENTION_OUTBOX_DAYS'
  | 'AUDIT_RETENTION_DAYS';

export type RetentionRule = {
  table: string;
  setting: RetentionSetting;
  /** The table and its primary key, for batched deletes. */
  from: PgTable;
  id: PgColumn;
  /** Rows that have expired for good, given the cut-off (now minus the kept days) and now. */
  expired: (cutoff: Date, now: Date) => SQL | undefined;
};

export const RETENTION_RULES: RetentionRule[] = [
  {
    // Throttle counters (lib/auth/login-throttle.ts): a row counts failures until a success
    // clears it. It goes once nothing happened for the kept days *and* no lock is running; every
    // quota window (at most an hour) has passed by then. The one place to adapt when the
    // throttle table changes shape.
    table: 'login_throttles',
    setting: 'RETENTION_LOGIN_THROTTLE_DAYS',
    from: loginThrottles,
    id: loginThrottles.key,
    expired: (cutoff, now) =>
      and(lt(loginThrottles.updatedAt, cutoff), lt(loginThrottles.windowStartedAt, cutoff), or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, now))),
  },
  {
    // Pending logins live 10 minutes; used ones are consumed earlier. Both are dead after expiry.
    table: 'pending_logins',
    setting: 'RETENTION_PENDING_LOGIN_DAYS',
    from: pendingLogins,
    id: pendingLogins.id,
    expired: (cutoff) => lt(pendingLogins.expiresAt, cutoff),
  },
  {
    // Ended sessions: logged out or revoked, or past their absolute lifetime (an idle one that was
    // never seen again ends there at the latest). Active sessions are never deleted.
    table: 'sessions',
    setting: 'RETENTION_SESSION_DAYS',
    from: sessions,
    id: sessions.id,
    expired: (cutoff) => or(lt(sessions.revokedAt, cutoff), lt(sessions.expiresAt, cutoff)),
  },
  {
    // Reset and activation links: used, revoked or not, they are dead once expired (60 minutes /
    // 24 hours); a link that still works is never deleted.
    table: 'account_tokens',
    setting: 'RETENTION_ACCOUNT_LINK_DAYS',
    from: accountTokens,
    id: accountTokens.id,
    expired: (cutoff) => lt(accountTokens.expiresAt, cutoff),
  },
  {
    // Handled emails (sent, failed for good, skipped); pending and sending ones always stay.
    table: 'email_outbox',
    setting: 'RETENTION_OUTBOX_DAYS',
    from: emailOutbox,
    id: emailOutbox.id,
    expired: (cutoff) => and(sql`${emailOutbox.status} IN ('sent', 'failed', 'skipped')`, lt(emailOutbox.createdAt, cutoff)),
  },
  {
    table: 'audit_events',
    setting: 'AUDIT_RETENTION_DAYS',
    from: auditEvents,
    id: auditEvents.id,
    expired: (cutoff) => lt(auditEvents.occurredAt, cutoff),
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per statement: short transactions and locks, however large the backlog of a first run. */
export const CLEANUP_BATCH_SIZE = 1000;

export type CleanupCounts = Record<string, number>;

/**
 * Deletes every expired row, rule by rule, in batches. Safe on every instance at once: each batch
 * locks its rows with FOR UPDATE SKIP LOCKED, so two sweeps share the work instead of waiting for
 * each other, and nothing needs a session-level lock (works through PgBouncer's transaction mode).
 * `now` is a parameter so tests can move the clock.
 */
export async function deleteExpiredData(options: { now?: Date; env?: Pick<Env, RetentionSetting>; batchSize?: number } = {}): Promise<CleanupCounts> {
  const now = options.now ?? new Date();
  const env = options.env ?? getEnv();
  const batchSize = options.batchSize ?? CLEANUP_BATCH_SIZE;
  const counts: CleanupCounts = {};
  for (const rule of RETENTION_RULES) {
    const days = env[rule.setting];
    let total = 0;
    // AUDIT_RETENTION_DAYS=0: keep for ever.
    const condition = days > 0 ? rule.expired(new Date(now.getTime() - days * DAY_MS), now) : undefined;
    while (condition) {
      const result = await getDb().execute(sql`
        DELETE FROM ${rule.from} WHERE ${rule.id} IN (
          SELECT ${rule.id} FROM ${rule.from} WHERE ${condition} LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`);
      const deleted = result.rowCount ?? 0;
      total += deleted;
      if (deleted < batchSize) break;
    }
    counts[rule.table] = total;
  }
  return counts;
}
