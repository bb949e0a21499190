import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { pendingLogins, tenants, users, type Role, type TenantKind } from '@/db/schema';
import { createOpaqueToken, hashOpaqueToken } from '@/lib/auth/opaque-token';

export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;
export const PENDING_LOGIN_MAX_CODE_ATTEMPTS = 5;

export type PendingLoginStep = 'two_factor_code' | 'two_factor_setup' | 'none';
/** How the first factor was proven: the password here, or an ID token of the reseller portal (issue 15). */
export type SignInMethod = 'password' | 'reseller_portal';

export type PendingLogin = {
  id: string;
  nextStep: PendingLoginStep;
  method: SignInMethod;
  codeAttempts: number;
  user: { id: string; username: string; role: Role; isRspLinked: boolean };
  tenant: { id: string; tenantDomain: string; kind: TenantKind };
};

export async function createPendingLogin(
  input: { userId: string; tenantId: string; nextStep: PendingLoginStep; ipAddress: string; method?: SignInMethod },
  executor: DbExecutor = getDb(),
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = createOpaqueToken();
  const expiresAt = new Date(Date.now() + PENDING_LOGIN_TTL_MS);
  await executor.insert(pendingLogins).values({ ...input, tokenHash, expiresAt });
  return { token, expiresAt };
}

/** The live (unexpired, unused) pending login behind a browser's token, or null. */
export async function findPendingLogin(token: string, executor: DbExecutor = getDb()): Promise<PendingLogin | null> {
  if (!token) return null;
  const [row] = await executor
    .select({
      id: pendingLogins.id,
      nextStep: pendingLogins.nextStep,
      method: pendingLogins.method,
      codeAttempts: pendingLogins.codeAttempts,
      userId: users.id,
      username: users.username,
      role: users.role,
      isRspLinked: users.isRspLinked,
      tenantId: tenants.id,
      tenantDomain: tenants.tenantDomain,
      tenantKind: tenants.kind,
    })
    .from(pendingLogins)
    .innerJoin(users, eq(users.id, pendingLogins.userId))
    .innerJoin(tenants, eq(tenants.id, pendingLogins.tenantId))
    .where(
      and(
        eq(pendingLogins.tokenHash, hashOpaqueToken(token)),
        isNull(pendingLogins.consumedAt),
        gt(pendingLogins.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  return {
    id: row.id,
    nextStep: row.nextStep,
    method: row.method,
    codeAttempts: row.codeAttempts,
    user: { id: row.userId, username: row.username, role: row.role, isRspLinked: row.isRspLinked },
    tenant: { id: row.tenantId, tenantDomain: row.tenantDomain, kind: row.tenantKind },
  };
}

/** Counts one code attempt; false when the pending login has no attempts left (it is then used up). */
export async function claimCodeAttempt(pendingLoginId: string): Promise<boolean> {
  const claimed = await getDb()
    .update(pendingLogins)
    .set({ codeAttempts: sql`${pendingLogins.codeAttempts} + 1` })
    .where(
      and(
        eq(pendingLogins.id, pendingLoginId),
        isNull(pendingLogins.consumedAt),
        gt(pendingLogins.expiresAt, sql`now()`),
        sql`${pendingLogins.codeAttempts} < ${PENDING_LOGIN_MAX_CODE_ATTEMPTS}`,
      ),
    )
    .returning({ id: pendingLogins.id });
  if (claimed.length > 0) return true;
  await consumePendingLogin(pendingLoginId);
  return false;
}

/** Single use: true only for the one caller that consumed it. */
export async function consumePendingLogin(pendingLoginId: string, executor: DbExecutor = getDb()): Promise<boolean> {
  const consumed = await executor
    .update(pendingLogins)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(pendingLogins.id, pendingLoginId), isNull(pendingLogins.consumedAt)))
    .returning({ id: pendingLogins.id });
  return consumed.length > 0;
}

/**
 * Ends a pending login whose factors all passed but that may not become a session (a customer
 * without a valid license): step `none` and used up in one write. Only such a pending login
 * lets the login page name the reseller to contact (findLicenseContact).
 */
export async function closePendingLoginAfterFactors(pendingLoginId: string): Promise<void> {
  await getDb()
    .update(pendingLogins)
    .set({ nextStep: 'none', consumedAt: sql`now()` })
    .where(and(eq(pendingLogins.id, pendingLoginId), isNull(pendingLogins.consumedAt)));
}

/** The encrypted, not yet confirmed secret of an enrollment inside this pending login, or null. */
export async function findPendingTwoFactorSetupSecret(pendingLoginId: string, executor: DbExecutor = getDb()): Promise<string | null> {
  const [row] = await executor
    .select({ secret: pendingLogins.twoFactorSetupSecretEncrypted })
    .from(pendingLogins)
    .where(eq(pendingLogins.id, pendingLoginId));
  return row?.secret ?? null;
}

/**
 * Keeps the first setup secret of a pending login (a reload or a second tab shows the same QR code):
 * writes only when none is stored and the pending login still waits for the setup.
 */
export async function storePendingTwoFactorSetupSecret(pendingLoginId: string, secretEncrypted: string): Promise<boolean> {
  const stored = await getDb()
    .update(pendingLogins)
    .set({ twoFactorSetupSecretEncrypted: secretEncrypted })
    .where(
      and(
        eq(pendingLogins.id, pendingLoginId),
        eq(pendingLogins.nextStep, 'two_factor_setup'),
        isNull(pendingLogins.twoFactorSetupSecretEncrypted),
        isNull(pendingLogins.consumedAt),
      ),
    )
    .returning({ id: pendingLogins.id });
  return stored.length > 0;
}

/** Moves a live pending login from one step to the next; false when another request was first. */
export async function advancePendingLogin(
  input: { pendingLoginId: string; from: PendingLoginStep; to: PendingLoginStep },
  executor: DbExecutor = getDb(),
): Promise<boolean> {
  const moved = await executor
    .update(pendingLogins)
    .set({ nextStep: input.to })
    .where(
      and(
        eq(pendingLogins.id, input.pendingLoginId),
        eq(pendingLogins.nextStep, input.from),
        isNull(pendingLogins.consumedAt),
        gt(pendingLogins.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: pendingLogins.id });
  return moved.length > 0;
}
