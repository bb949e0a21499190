import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DEMO_TOTP_SECRET } from '../../db/seed';
import { encryptSecret } from '../../lib/crypto/secret-box';

export const BENCH_RESELLER_DOMAIN = '990001.sms';
export const BENCH_CUSTOMER_DOMAIN = '990002.sms';
export const BENCH_PASSWORD = 'Bench-Login-Load-Password-42';

export type BenchUser = { tenantDomain: string; username: string };

/**
 * One reseller and one licensed customer whose `count` administrators all have the demo TOTP
 * secret (encrypted per user with TWO_FACTOR_ENCRYPTION_KEY, as db/seed.ts does). Password
 * hashes are set per cost by setBenchPasswordHash. One set-based insert: seconds, not minutes.
 */
export async function seedLoginUsers(pool: Pool, count: number): Promise<BenchUser[]> {
  const reseller = await pool.query<{ id: string }>(
    `INSERT INTO tenants (kind, tenant_domain, name) VALUES ('reseller', $1, 'Bench Reseller') RETURNING id`,
    [BENCH_RESELLER_DOMAIN],
  );
  const resellerId = reseller.rows[0]!.id;
  const customer = await pool.query<{ id: string }>(
    `INSERT INTO tenants (kind, tenant_domain, name, reseller_id) VALUES ('customer', $1, 'Bench Login GmbH', $2) RETURNING id`,
    [BENCH_CUSTOMER_DOMAIN, resellerId],
  );
  const customerId = customer.rows[0]!.id;
  // The code step ends with a license check for customers: a valid one lets every login finish.
  await pool.query(
    `INSERT INTO licenses (tenant_id, reseller_tenant_id, type, device_count, valid_from, valid_until, license_key)
     VALUES ($1, $2, 'mdm', 100, now() - interval '1 day', now() + interval '365 days', 'BENCH-LOGIN-LICENSE')`,
    [customerId, resellerId],
  );

  const ids = Array.from({ length: count }, () => randomUUID());
  const usernames = ids.map((_, index) => `bench.admin.${index}`);
  // The secret box binds each ciphertext to its user id, so every user gets its own box.
  const secrets = ids.map((id) => encryptSecret(DEMO_TOTP_SECRET, id));
  await pool.query(
    `INSERT INTO users (id, tenant_id, username, email, role, two_factor_secret_encrypted, two_factor_enabled_at)
     SELECT id, $1, username, username || '@bench.invalid', 'admin', secret, now()
     FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, username, secret)`,
    [customerId, ids, usernames, secrets],
  );
  await pool.query('ANALYZE tenants; ANALYZE users;');
  return usernames.map((username) => ({ tenantDomain: BENCH_CUSTOMER_DOMAIN, username }));
}

/** Gives every bench user the same stored hash: one bcrypt computation instead of thousands. */
export async function setBenchPasswordHash(pool: Pool, storedHash: string): Promise<void> {
  await pool.query(
    `UPDATE users SET password_hash = $1 WHERE tenant_id = (SELECT id FROM tenants WHERE tenant_domain = $2)`,
    [storedHash, BENCH_CUSTOMER_DOMAIN],
  );
}
