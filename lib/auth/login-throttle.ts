import { eq, inArray, sql } from 'drizzle-orm';
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

export async function isLockedOut(key: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, key));
  return !!row?.lockedUntil && row.lockedUntil.getTime() > Date.now();
}

/** Counts one failure; returns true when this failure started a lock. */
export async function recordLockoutFailure(key: string): Promise<boolean> {
  const result = await getDb().execute<{ locked: boolean }>(sql`
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
    RETURNING (consecutive_failures % ${LOCKOUT_THRESHOLD} = 0) AS locked`);
  return result.rows[0]?.locked ?? false;
}

export async function isAddressBlocked(address: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ failures: loginThrottles.consecutiveFailures, windowStartedAt: loginThrottles.windowStartedAt })
    .from(loginThrottles)
    .where(eq(loginThrottles.key, addressThrottleKey(address)));
  if (!row) return false;
  const windowOpen = row.windowStartedAt.getTime() > Date.now() - ADDRESS_WINDOW_MINUTES * 60_000;
  return windowOpen && row.failures >= ADDRESS_FAILURE_LIMIT;
}

export async function recordAddressFailure(address: string): Promise<void> {
  await getDb().execute(sql`
    INSERT INTO login_throttles (key, consecutive_failures, window_started_at, updated_at)
    VALUES (${addressThrottleKey(address)}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      consecutive_failures = CASE
        WHEN login_throttles.window_started_at < now() - make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) THEN 1
        ELSE login_throttles.consecutive_failures + 1 END,
      window_started_at = CASE
        WHEN login_throttles.window_started_at < now() - make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) THEN now()
        ELSE login_throttles.window_started_at END,
      updated_at = now()`);
}

/** A success clears the consecutive-failure state of these keys. */
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
