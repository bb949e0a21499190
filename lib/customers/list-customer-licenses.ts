import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { licenses, type LicenseType } from '@/db/schema';
import { describeLicenseState, type LicenseState } from '@/lib/licenses/license-validity';
import { requireResellerScope } from './reseller-scope';
import { finishKeysetPage, keysetClauses, mapPage, type KeysetPage, type PageRequest } from '@/lib/pagination/keyset';
import { isUuid } from '@/lib/uuid';

export const CUSTOMER_LICENSES_PAGE_SIZE = 25;

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

const columns = {
  id: licenses.id,
  customerId: licenses.tenantId,
  type: licenses.type,
  deviceCount: licenses.deviceCount,
  licenseKey: licenses.licenseKey,
  validFrom: licenses.validFrom,
  validUntil: licenses.validUntil,
  revokedAt: licenses.revokedAt,
};

type Row = Omit<CustomerLicense, 'validFrom' | 'validUntil' | 'state' | 'daysRemaining'> & { validFrom: Date; validUntil: Date; revokedAt: Date | null };

function toView({ revokedAt, ...row }: Row): CustomerLicense {
  return {
    ...row,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    ...describeLicenseState({ validFrom: row.validFrom, validUntil: row.validUntil, revokedAt }),
  };
}

/**
 * The licenses this reseller sold to the given customers (extend / revoke on the customer's
 * page): one page by end date, then id. The cursor (a license id) is re-read among this
 * reseller's licenses of these customers, so any other license yields nothing.
 */
export async function listCustomerLicenses(
  access: TenantAccess,
  customerIds: string[],
  options: { page?: PageRequest } = {},
  executor: DbExecutor = getDb(),
): Promise<KeysetPage<CustomerLicense>> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  const request = options.page ?? { cursor: null, towards: 'after', limit: CUSTOMER_LICENSES_PAGE_SIZE };
  if (customerIds.length === 0) return { rows: [], previousCursor: null, nextCursor: null, isFirstPage: true };
  const scope = and(eq(licenses.resellerTenantId, resellerTenantId), inArray(licenses.tenantId, customerIds));
  const keys = [sql`${licenses.validUntil}`, sql`${licenses.id}`];
  const page = keysetClauses({
    keys,
    direction: 'asc',
    request,
    position: (cursor) => sql`(select ${sql.join(keys, sql`, `)} from ${licenses} where ${licenses.id} = ${cursor} and ${scope})`,
  });
  const rows = await executor.select(columns).from(licenses).where(and(scope, page.where)).orderBy(page.orderBy).limit(page.limit);
  return mapPage(finishKeysetPage(rows, request, (row) => row.id), toView);
}

/** One license this reseller sold to this customer (the outcome line of extend / revoke), or null. */
export async function findCustomerLicense(access: TenantAccess, customerId: string, licenseId: string, executor: DbExecutor = getDb()): Promise<CustomerLicense | null> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  if (!isUuid(licenseId) || !isUuid(customerId)) return null;
  const [row] = await executor
    .select(columns)
    .from(licenses)
    .where(and(eq(licenses.id, licenseId), eq(licenses.tenantId, customerId), eq(licenses.resellerTenantId, resellerTenantId)));
  return row ? toView(row) : null;
}
