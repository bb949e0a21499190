import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { licenses, type TenantKind, type LicenseType } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { describeLicenseState, type LicenseState } from '@/lib/licenses/license-validity';

export type TenantOverview = {
  tenant: { name: string; tenantDomain: string; kind: TenantKind };
  licenses: Array<{
    id: string;
    type: LicenseType;
    deviceCount: number;
    validFrom: string;
    validUntil: string;
    state: LicenseState;
    daysRemaining: number | null;
  }>;
};

/** The overview page's data, for a tenant the caller already has access to. */
export async function getTenantOverview(access: TenantAccess): Promise<TenantOverview> {
  const rows = await getDb()
    .select({
      id: licenses.id,
      type: licenses.type,
      deviceCount: licenses.deviceCount,
      validFrom: licenses.validFrom,
      validUntil: licenses.validUntil,
      revokedAt: licenses.revokedAt,
    })
    .from(licenses)
    .where(eq(licenses.tenantId, access.actingTenant.id))
    .orderBy(desc(licenses.validUntil));
  const now = new Date();
  return {
    tenant: {
      name: access.actingTenant.name,
      tenantDomain: access.actingTenant.tenantDomain,
      kind: access.actingTenant.kind,
    },
    licenses: rows.map((row) => ({
      id: row.id,
      type: row.type,
      deviceCount: row.deviceCount,
      validFrom: row.validFrom.toISOString(),
      validUntil: row.validUntil.toISOString(),
      ...describeLicenseState(row, now),
    })),
  };
}
