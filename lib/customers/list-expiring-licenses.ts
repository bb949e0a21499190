import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { licenses, tenants, type LicenseType } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { requireResellerScope } from './reseller-scope';
import { finishKeysetPage, keysetClauses, mapPage, positionById, type KeysetPage, type PageRequest } from '@/lib/pagination/keyset';

export const EXPIRING_PAGE_SIZE = 50;

export type ExpiringLicense = {
  id: string;
  customerName: string;
  customerTenantDomain: string;
  type: LicenseType;
  deviceCount: number;
  validUntil: string;
  daysRemaining: number;
};

/**
 * Licenses of this reseller's customers that are valid now and end within `withinDays` days,
 * soonest first: one page (no silent cut-off). The cursor (a license id) is re-read among this
 * reseller's licenses, so another reseller's license yields nothing.
 */
export async function listExpiringLicenses(
  access: TenantAccess,
  options: { withinDays?: number; page?: PageRequest } = {},
  executor: DbExecutor = getDb(),
): Promise<KeysetPage<ExpiringLicense>> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  const withinDays = options.withinDays ?? 30;
  const request = options.page ?? { cursor: null, towards: 'after', limit: EXPIRING_PAGE_SIZE };
  const keys = [sql`${licenses.validUntil}`, sql`${licenses.id}`];
  const page = keysetClauses({
    keys,
    direction: 'asc',
    request,
    position: positionById({ keys, table: licenses, id: licenses.id, scope: eq(licenses.resellerTenantId, resellerTenantId) }),
  });
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
        page.where,
      ),
    )
    .orderBy(page.orderBy)
    .limit(page.limit);
  const now = Date.now();
  return mapPage(finishKeysetPage(rows, request, (row) => row.id), (row) => ({ ...row, validUntil: row.validUntil.toISOString(), daysRemaining: Math.ceil((row.validUntil.getTime() - now) / 86_400_000) }));
}
