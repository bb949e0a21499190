import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { licenses, type LicenseType } from '@/db/schema';
import { describeLicenseState, type LicenseState } from '@/lib/licenses/license-validity';
import { requireResellerScope } from './reseller-scope';

export type CustomerLicense = {
  id: string;
  customerId: string;
  type: LicenseType;
  deviceCount: number;
  licenseKey: string;
  validFrom: string;
  validUntil: string;
  state: LicenseState;
  daysRemaining: number | null;
};

/** The licenses this reseller sold to the given customers (for extend / revoke on the Customers page). */
export async function listCustomerLicenses(access: TenantAccess, customerIds: string[], executor: DbExecutor = getDb()): Promise<CustomerLicense[]> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  if (customerIds.length === 0) return [];
  const rows = await executor
    .select({
      id: licenses.id,
      customerId: licenses.tenantId,
      type: licenses.type,
      deviceCount: licenses.deviceCount,
      licenseKey: licenses.licenseKey,
      validFrom: licenses.validFrom,
      validUntil: licenses.validUntil,
      revokedAt: licenses.revokedAt,
    })
    .from(licenses)
    .where(and(eq(licenses.resellerTenantId, resellerTenantId), inArray(licenses.tenantId, customerIds)))
    .orderBy(asc(licenses.validUntil));
  return rows.map(({ revokedAt, ...row }) => ({
    ...row,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    ...describeLicenseState({ validFrom: row.validFrom, validUntil: row.validUntil, revokedAt }),
  }));
}
