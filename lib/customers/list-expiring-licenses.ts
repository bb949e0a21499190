import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { licenses, tenants, type LicenseType } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { requireResellerScope } from './reseller-scope';

export type ExpiringLicense = {
  id: string;
  customerName: string;
  customerTenantDomain: string;
  type: LicenseType;
  deviceCount: number;
  validUntil: string;
  daysRemaining: number;
};

/** Licenses of this reseller's customers that are valid now and end within `withinDays` days, soonest first. */
export async function listExpiringLicenses(access: TenantAccess, withinDays = 30, executor: DbExecutor = getDb()): Promise<ExpiringLicense[]> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  const rows = await executor
    .select({
      id: licenses.id,
      customerName: tenants.name,
      customerTenantDomain: tenants.tenantDomain,
      type: licenses.type,
      deviceCount: licenses.deviceCount,
      validUntil: licenses.validUntil,
    })
    .from(licenses)
    .innerJoin(tenants, eq(tenants.id, licenses.tenantId))
    .where(
      and(
        eq(licenses.resellerTenantId, resellerTenantId),
        eq(tenants.resellerId, resellerTenantId),
        licenseIsValidNow(),
        lte(licenses.validUntil, sql`now() + make_interval(days => ${withinDays})`),
      ),
    )
    .orderBy(asc(licenses.validUntil))
    .limit(500);
  const now = Date.now();
  return rows.map((row) => ({ ...row, validUntil: row.validUntil.toISOString(), daysRemaining: Math.ceil((row.validUntil.getTime() - now) / 86_400_000) }));
}
