import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginThrottles } from '@/db/schema';

// Counters live in PostgreSQL so every app instance shares them (SECURITY.md, 6.3).
// A failing store throws: callers refuse the login (fail closed).

/** Ten consecutive failures lock the key for 1, 2, 4 … minutes, at most an hour. */
export const LOCKOUT_THRESHOLD = 10;
const LOCKOUT_MAX_MINUTES = 60;
/** At most this many failures per client address and window, whatever the accounts. */
export const ADDRESS_FAILURE_LIMIT = 100;
const ADDRESS_WINDOW_MINUTES = 15;

export function accountThrottleKey(tenantDomain: string, username: string): string {
  return `account:${tenantDomain.trim().toLowerCase()}/${username.trim().toLowerCase()}`;
}

export function addressThrottleKey(address: string): string {
  return `ip:${address}`;
}

export function twoFactorThrottleKey(userId: string): string {
  return `two-factor:${userId}`;
}

export type AttemptReservation =
  | { granted: true; /** This attempt is the one that started a lock (it counts as the Nth failure). */ startedLock: boolean; lockedUntil: Date | null }
  | { granted: false };

/**
 * Reserves one attempt for a key before the secret is checked (issue 14.1): the attempt is
 * counted as a failure first, in one atomic upsert, and only a success gives it back
 * (`clearThrottles`). A locked key grants nothing, so of any burst, on any number of instances,
 * at most LOCKOUT_THRESHOLD attempts are ever checked against the real secret. The attempt that
 * makes the count a multiple of the threshold starts a lock of 1, 2, 4 … minutes (at most an hour).
 */
export async function reserveAttempt(key: string): Promise<AttemptReservation> {
  const result = await getDb().execute<{ started_lock: boolean; locked_until: Date | string | null }>(sql`
    INSERT INTO login_throttles (key, consecutive_failures, lock_count, window_started_at, updated_at)
    VALUES (${key}, 1, 0, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      consecutive_failures = login_throttles.consecutive_failures + 1,
      lock_count = CASE WHEN (login_throttles.consecutive_failures + 1) % ${LOCKOUT_THRESHOLD} = 0
        THEN login_throttles.lock_count + 1 ELSE login_throttles.lock_count END,
      locked_until = CASE WHEN (login_throttles.consecutive_failures + 1) % ${LOCKOUT_THRESHOLD} = 0
        THEN now() + make_interval(mins => LEAST(power(2, login_throttles.lock_count)::int, ${LOCKOUT_MAX_MINUTES}))
        ELSE login_throttles.locked_until END,
      updated_at = now()
    WHERE login_throttles.locked_until IS NULL OR login_throttles.locked_until <= now()
    RETURNING (consecutive_failures % ${LOCKOUT_THRESHOLD} = 0) AS started_lock, locked_until`);
  const row = result.rows[0];
  if (!row) return { granted: false };
  return { granted: true, startedLock: row.started_lock, lockedUntil: row.locked_until === null ? null : new Date(row.locked_until) };
}

/**
 * Reserves one attempt of a client address within its window (at most ADDRESS_FAILURE_LIMIT
 * failures per ADDRESS_WINDOW_MINUTES, whatever the accounts), atomically like reserveAttempt.
 * false: the address is rate limited.
 */
export async function reserveAddressAttempt(address: string): Promise<boolean> {
  const result = await getDb().execute<{ key: string }>(sql`
    INSERT INTO login_throttles (key, consecutive_failures, window_started_at, updated_at)
    VALUES (${addressThrottleKey(address)}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      consecutive_failures = CASE
        WHEN login_throttles.window_started_at < now() - make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) THEN 1
        ELSE login_throttles.consecutive_failures + 1 END,
      window_started_at = CASE
        WHEN login_throttles.window_started_at < now() - make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) THEN now()
        ELSE login_throttles.window_started_at END,
      updated_at = now()
    WHERE login_throttles.window_started_at < now() - make_interval(mins => ${ADDRESS_WINDOW_MINUTES})
      OR login_throttles.consecutive_failures < ${ADDRESS_FAILURE_LIMIT}
    RETURNING key`);
  return result.rows.length > 0;
}

/** A successful login gives its address reservation back; the address's other failures stay counted. */
export async function refundAddressAttempt(address: string): Promise<void> {
  await getDb().execute(sql`
    UPDATE login_throttles SET consecutive_failures = GREATEST(consecutive_failures - 1, 0), updated_at = now()
    WHERE key = ${addressThrottleKey(address)}`);
}

/** A success clears the consecutive-failure state (and any lock) of these keys. */
export async function clearThrottles(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await getDb().delete(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/**
 * Takes one unit from a fixed-window quota (e.g. reset emails per account per hour);
 * false when the window's quota is used up. Atomic, shared by every instance.
 */
export async function takeWindowQuota(key: string, quota: { limit: number; windowMinutes: number }): Promise<boolean> {
  const result = await getDb().execute<{ used: number }>(sql`
    INSERT INTO login_throttles (key, consecutive_failures, window_started_at, updated_at)
    VALUES (${key}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      consecutive_failures = CASE
        WHEN login_throttles.window_started_at < now() - make_interval(mins => ${quota.windowMinutes}) THEN 1
        ELSE login_throttles.consecutive_failures + 1 END,
      window_started_at = CASE
        WHEN login_throttles.window_started_at < now() - make_interval(mins => ${quota.windowMinutes}) THEN now()
        ELSE login_throttles.window_started_at END,
      updated_at = now()
    RETURNING consecutive_failures AS used`);
  return (result.rows[0]?.used ?? Number.POSITIVE_INFINITY) <= quota.limit;
}
