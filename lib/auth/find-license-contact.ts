import 'server-only';
import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { pendingLogins, tenants } from '@/db/schema';
import { hashOpaqueToken } from './opaque-token';
import { hasValidLicense } from '@/lib/licenses/license-validity';

export type LicenseContact = { resellerName: string; contactEmail: string | null };

/**
 * Whom a customer without a valid license should contact (issue 9): its reseller's name and
 * contact address. Only for the browser whose pending login passed every factor and was then
 * refused for the license (closePendingLoginAfterFactors), while that pending login lives; a
 * password alone, or used-up code attempts, learn nothing.
 */
export async function findLicenseContact(pendingLoginToken: string | undefined): Promise<LicenseContact | null> {
  if (!pendingLoginToken) return null;
  const reseller = alias(tenants, 'reseller');
  const [row] = await getDb()
    .select({ customerId: tenants.id, resellerName: reseller.name, contactEmail: reseller.contactEmail })
    .from(pendingLogins)
    .innerJoin(tenants, eq(tenants.id, pendingLogins.tenantId))
    .innerJoin(reseller, eq(reseller.id, tenants.resellerId))
    .where(
      and(
        eq(pendingLogins.tokenHash, hashOpaqueToken(pendingLoginToken)),
        eq(pendingLogins.nextStep, 'none'),
        isNotNull(pendingLogins.consumedAt),
        gt(pendingLogins.expiresAt, sql`now()`),
      ),
    );
  if (!row || (await hasValidLicense(row.customerId))) return null;
  return { resellerName: row.resellerName, contactEmail: row.contactEmail };
}
