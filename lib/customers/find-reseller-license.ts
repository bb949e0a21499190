import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { licenses, tenants } from '@/db/schema';
import { isUuid } from '@/lib/uuid';

export type ResellerLicense = {
  id: string;
  customerId: string;
  customerTenantDomain: string;
  customerName: string;
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
};

/** A license id from the client, re-read with the acting reseller as owner of both the license and the customer; locked. */
export async function lockResellerLicense(executor: DbExecutor, resellerTenantId: string, licenseId: string): Promise<ResellerLicense | null> {
  if (!isUuid(licenseId)) return null;
  const [row] = await executor
    .select({
      id: licenses.id,
      customerId: tenants.id,
      customerTenantDomain: tenants.tenantDomain,
      customerName: tenants.name,
      validFrom: licenses.validFrom,
      validUntil: licenses.validUntil,
      revokedAt: licenses.revokedAt,
    })
    .from(licenses)
    .innerJoin(tenants, eq(tenants.id, licenses.tenantId))
    .where(and(eq(licenses.id, licenseId), eq(licenses.resellerTenantId, resellerTenantId), eq(tenants.resellerId, resellerTenantId)))
    .for('update', { of: licenses });
  return row ?? null;
}
