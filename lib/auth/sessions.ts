import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { licenses, sessions, tenants, users, type Role, type TenantKind } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { isUuid } from '@/lib/uuid';

export type SessionUser = {
  id: string;
  username: string;
  email: string;
  role: Role;
  isRspLinked: boolean;
  hasTwoFactor: boolean;
};

export type SessionTenant = { id: string; tenantDomain: string; name: string; kind: TenantKind };

export type SessionContext = { sessionId: string; user: SessionUser; tenant: SessionTenant };

export type SessionEndReason = 'logout' | 'idle_timeout' | 'absolute_timeout' | 'revoked' | 'user_disabled' | 'session_version' | 'no_valid_license';

export type SessionCheck = { ok: true; context: SessionContext } | { ok: false; reason: SessionEndReason | 'unknown_session' };

// last_seen_at is written at most this often; the idle timeout is measured in minutes.
const TOUCH_INTERVAL_SECONDS = 30;

export async function createSession(
  input: { userId: string; tenantId: string; ipAddress: string; userAgent: string | null },
  executor: DbExecutor = getDb(),
): Promise<{ sessionId: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + getEnv().SESSION_MAX_HOURS * 60 * 60 * 1000);
  const [row] = await executor
    .insert(sessions)
    .values({ ...input, userAgent: input.userAgent?.slice(0, 512) ?? null, expiresAt })
    .returning({ id: sessions.id });
  return { sessionId: row!.id, expiresAt };
}

/**
 * Re-checks a session on every request (SECURITY.md, sessions): revoked, idle, past its
 * absolute lifetime, user disabled, session version bumped, or a customer without a valid
 * license all end it at once, on every instance.
 */
export async function checkSession(claims: { sessionId: string; sessionVersion: number }): Promise<SessionCheck> {
  if (!isUuid(claims.sessionId)) return { ok: false, reason: 'unknown_session' };
  const db = getDb();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
      idleSeconds: sql<number>`extract(epoch from (now() - ${sessions.lastSeenAt}))::float8`,
      userId: users.id,
      username: users.username,
      email: users.email,
      role: users.role,
      isRspLinked: users.isRspLinked,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      tenantId: tenants.id,
      tenantDomain: tenants.tenantDomain,
      tenantName: tenants.name,
      tenantKind: tenants.kind,
      // In the same query (issue 11: one round trip per request for session, user, tenant and license).
      hasValidLicense: sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(licenses)
        .where(and(eq(licenses.tenantId, tenants.id), licenseIsValidNow()))})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(eq(sessions.id, claims.sessionId));
  if (!row) return { ok: false, reason: 'unknown_session' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };

  const endReason = findEndReason(row, claims.sessionVersion);
  if (endReason) {
    await revokeSession(row.sessionId, endReason);
    return { ok: false, reason: endReason };
  }
  if (row.tenantKind === 'customer' && !row.hasValidLicense) {
    await revokeSession(row.sessionId, 'no_valid_license');
    return { ok: false, reason: 'no_valid_license' };
  }

  if (row.idleSeconds > TOUCH_INTERVAL_SECONDS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, row.sessionId));
  }
  return {
    ok: true,
    context: {
      sessionId: row.sessionId,
      user: {
        id: row.userId,
        username: row.username,
        email: row.email,
        role: row.role,
        isRspLinked: row.isRspLinked,
        hasTwoFactor: row.twoFactorEnabledAt !== null,
      },
      tenant: { id: row.tenantId, tenantDomain: row.tenantDomain, name: row.tenantName, kind: row.tenantKind },
    },
  };
}

function findEndReason(
  row: { expiresAt: Date; idleSeconds: number; disabledAt: Date | null; sessionVersion: number },
  claimedVersion: number,
): SessionEndReason | null {
  const { SESSION_IDLE_MINUTES } = getEnv();
  if (row.disabledAt) return 'user_disabled';
  if (row.sessionVersion !== claimedVersion) return 'session_version';
  if (row.expiresAt.getTime() <= Date.now()) return 'absolute_timeout';
  if (row.idleSeconds > SESSION_IDLE_MINUTES * 60) return 'idle_timeout';
  return null;
}

export async function revokeSession(sessionId: string, reason: SessionEndReason, executor: DbExecutor = getDb()): Promise<boolean> {
  const revoked = await executor
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

/** Ends every session of a user: bumps the session version and revokes the rows. */
export async function revokeAllSessionsOfUser(userId: string, reason: SessionEndReason, executor: DbExecutor = getDb()): Promise<void> {
  await executor.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` }).where(eq(users.id, userId));
  await executor
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
