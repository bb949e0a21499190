import { Pool } from 'pg';
import type { Role } from '@/db/schema';

// Read-mostly access to the database the app under test uses, for assertions a person cannot see
// in the browser (audit events, counters). Tests change data through the UI, not through here.
let pool: Pool | undefined;

export function e2eDb(): Pool {
  if (pool) return pool;
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the browser suite with `npm run test:e2e`');
  pool = new Pool({ connectionString: url, max: 2 });
  return pool;
}

/** Call in afterAll of every file that used e2eDb(), or jest waits on the open pool. */
export async function closeE2eDb(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

/** How many audit events with this action (and optionally result) exist, e.g. ('login_failure', 'failure'). */
export async function countAuditEvents(action: string, options: { result?: 'success' | 'failure' | 'denied' } = {}): Promise<number> {
  const { rows } = await e2eDb().query<{ n: number }>(
    'select count(*)::int as n from audit_events where action = $1 and ($2::text is null or result::text = $2)',
    [action, options.result ?? null],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Arrangement only: a fresh account without two-factor in a demo tenant, for tests that change
 * an account for good (enrollment, reset) and must not touch demo users other files rely on.
 */
export async function createUserWithoutTwoFactor(options: {
  tenantDomain: string;
  usernamePrefix: string;
  password: string;
  role?: Role;
}): Promise<{ id: string; username: string; email: string }> {
  const { randomBytes } = await import('node:crypto');
  const { hashPassword } = await import('@/lib/auth/password-hash');
  const { resetEnvCache } = await import('@/lib/env');
  process.env.BCRYPT_COST = '10';
  resetEnvCache();
  const username = `${options.usernamePrefix}.${randomBytes(3).toString('hex')}`;
  const email = `${username}@example.test`;
  const { rows } = await e2eDb().query<{ id: string }>(
    `insert into users (tenant_id, username, email, locale, password_hash, role)
     select id, $1, $2, 'en', $3, $4 from tenants where tenant_domain = $5 returning id`,
    [username, email, await hashPassword(options.password), options.role ?? 'admin', options.tenantDomain],
  );
  return { id: rows[0]!.id, username, email };
}

/** The app's own settings (secrets included) for arrangements that write what the app reads. */
async function useAppSettings(): Promise<void> {
  const settings = JSON.parse(process.env.E2E_APP_ENV_JSON ?? '{}') as Record<string, string>;
  if (!settings.TWO_FACTOR_ENCRYPTION_KEY) throw new Error('E2E_APP_ENV_JSON is not set: run the browser suite with `npm run test:e2e`');
  process.env.TWO_FACTOR_ENCRYPTION_KEY = settings.TWO_FACTOR_ENCRYPTION_KEY;
  process.env.BCRYPT_COST = '10';
  const { resetEnvCache } = await import('@/lib/env');
  resetEnvCache();
}

/**
 * Arrangement only: a fresh account WITH two-factor (its own secret, so its codes are never used
 * up by another test) and, if asked, ten recovery codes, stored as the app stores them.
 */
export async function createUserWithTwoFactor(options: {
  tenantDomain: string;
  usernamePrefix: string;
  password: string;
  role?: Role;
  withRecoveryCodes?: boolean;
}): Promise<{ id: string; username: string; email: string; secret: string; recoveryCodes: string[] }> {
  await useAppSettings();
  const { generateTotpSecret } = await import('@/lib/auth/totp');
  const { generateRecoveryCodes, hashRecoveryCode } = await import('@/lib/two-factor/recovery-codes');
  const user = await createUserWithoutTwoFactor(options);
  const secret = generateTotpSecret();
  await giveDemoTwoFactor(user.id, secret);
  const recoveryCodes = options.withRecoveryCodes ? generateRecoveryCodes() : [];
  for (const code of recoveryCodes) {
    await e2eDb().query('insert into recovery_codes (tenant_id, user_id, code_hash) select tenant_id, id, $2 from users where id = $1', [user.id, hashRecoveryCode(code)]);
  }
  return { ...user, secret, recoveryCodes };
}

/**
 * Arrangement only: gives an account an authenticator with this secret (e.g. DEMO_TOTP_SECRET),
 * encrypted with the running app's key, as if it had enrolled.
 */
export async function giveDemoTwoFactor(userId: string, secret: string): Promise<void> {
  await useAppSettings();
  const { encryptSecret } = await import('@/lib/crypto/secret-box');
  await e2eDb().query('update users set two_factor_secret_encrypted = $2, two_factor_enabled_at = now() where id = $1', [userId, encryptSecret(secret, userId)]);
}
