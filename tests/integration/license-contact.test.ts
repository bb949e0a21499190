import { eq } from 'drizzle-orm';
import { tenants } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { generateTotpCode } from '@/lib/auth/totp';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { findLicenseContact } from '@/lib/auth/find-license-contact';
import { TEST_PASSWORD, createLicense, createTenant, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// Issue 9: a customer without a valid license learns, after the second factor, which reseller
// to contact. Nobody learns it from the password alone.

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const client = { clientAddress: '203.0.113.140', userAgent: 'jest' };

async function expiredCustomer() {
  const reseller = await createTenant({ kind: 'reseller' }, 'Contact Reseller GmbH');
  await db().update(tenants).set({ contactEmail: 'help@contact-reseller.example' }).where(eq(tenants.id, reseller.id));
  const customer = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Expired Customer');
  await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validFromDays: -60, validUntilDays: -1 });
  const admin = await createUser({ tenantId: customer.id, username: 'admin' });
  const step = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD, ...client });
  if (!step.ok) throw new Error('expected the password step to succeed');
  return { admin, token: step.pendingLoginToken };
}

test('after the second factor the refused customer learns its reseller and how to reach it', async () => {
  const { admin, token } = await expiredCustomer();
  expect(await verifyTwoFactorStep({ pendingLoginToken: token, code: generateTotpCode({ secret: admin.twoFactorSecret! }), ...client })).toEqual({
    ok: false,
    code: 'no_valid_license',
  });
  expect(await findLicenseContact(token)).toEqual({ resellerName: 'Contact Reseller GmbH', contactEmail: 'help@contact-reseller.example' });
});

test('the password alone, or five wrong codes, learn nothing', async () => {
  const { admin, token } = await expiredCustomer();
  expect(await findLicenseContact(token)).toBeNull();
  const wrong = generateTotpCode({ secret: admin.twoFactorSecret! }) === '000000' ? '111111' : '000000';
  for (let attempt = 0; attempt < 6; attempt += 1) await verifyTwoFactorStep({ pendingLoginToken: token, code: wrong, ...client });
  expect(await findLicenseContact(token)).toBeNull();
  expect(await findLicenseContact(undefined)).toBeNull();
  expect(await findLicenseContact('garbage')).toBeNull();
});
