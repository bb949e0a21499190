import { randomBytes, randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { licenses, tenants, users, type Role, type LicenseType } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password-hash';
import { generateTotpSecret } from '@/lib/auth/totp';
import { encryptSecret } from '@/lib/crypto/secret-box';

// Each test makes its own data through these; nothing depends on the demo seed.

// Each test file has its own database: counting up from a random start never repeats a tenant
// domain within it (random picks did, by the birthday paradox, once a file made hundreds).
const domainStart = Number.parseInt(randomBytes(3).toString('hex'), 16) % 900000;
let domainCounter = 0;
export function uniqueTenantDomain(): string {
  domainCounter += 1;
  return `${100000 + ((domainStart + domainCounter) % 900000)}.sms`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createTenant(input: { kind: 'reseller' } | { kind: 'customer'; resellerId: string }, name = 'Test Tenant') {
  const [tenant] = await getDb()
    .insert(tenants)
    .values({
      kind: input.kind,
      tenantDomain: uniqueTenantDomain(),
      name,
      resellerId: input.kind === 'customer' ? input.resellerId : null,
    })
    .returning();
  return tenant!;
}

export async function createLicense(input: {
  tenantId: string;
  resellerTenantId: string;
  validFromDays?: number;
  validUntilDays?: number;
  revoked?: boolean;
  type?: LicenseType;
}) {
  const now = Date.now();
  const [license] = await getDb()
    .insert(licenses)
    .values({
      tenantId: input.tenantId,
      resellerTenantId: input.resellerTenantId,
      type: input.type ?? 'mdm',
      deviceCount: 10,
      validFrom: new Date(now + (input.validFromDays ?? -1) * DAY_MS),
      validUntil: new Date(now + (input.validUntilDays ?? 30) * DAY_MS),
      revokedAt: input.revoked ? new Date(now) : null,
      licenseKey: `TEST-${randomUUID()}`,
    })
    .returning();
  return license!;
}

export const TEST_PASSWORD = 'Plenty-Long-Test-Passphrase-42';

export async function createUser(input: {
  tenantId: string;
  username?: string;
  role?: Role;
  password?: string;
  withTwoFactor?: boolean;
  isRspLinked?: boolean;
  disabled?: boolean;
}) {
  const id = randomUUID();
  const twoFactorSecret = input.withTwoFactor === false ? null : generateTotpSecret();
  const username = input.username ?? `user.${randomBytes(3).toString('hex')}`;
  await getDb()
    .insert(users)
    .values({
      id,
      tenantId: input.tenantId,
      username,
      email: `${username}@example.test`,
      passwordHash: await hashPassword(input.password ?? TEST_PASSWORD),
      role: input.role ?? 'admin',
      isRspLinked: input.isRspLinked ?? false,
      disabledAt: input.disabled ? new Date() : null,
      twoFactorSecretEncrypted: twoFactorSecret ? encryptSecret(twoFactorSecret, id) : null,
      twoFactorEnabledAt: twoFactorSecret ? new Date() : null,
    });
  return { id, username, twoFactorSecret };
}

/** A customer with a valid license, its reseller, and an admin with two-factor. */
export async function createCustomerWithAdmin(options: { licenseUntilDays?: number } = {}) {
  const reseller = await createTenant({ kind: 'reseller' }, 'Test Reseller');
  const customer = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Test Customer');
  await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validUntilDays: options.licenseUntilDays ?? 30 });
  const admin = await createUser({ tenantId: customer.id, username: 'admin' });
  return { reseller, customer, admin };
}
