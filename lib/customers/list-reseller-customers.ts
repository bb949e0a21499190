import 'server-only';
import type { LicenseType } from '@/db/schema';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { tenantSearchPattern } from '@/lib/tenants/tenant-search';
import { isUuid } from '@/lib/uuid';
import { requireResellerScope } from './reseller-scope';

export type CustomerLicenseState = 'valid' | 'expiring' | 'expired' | 'none';
export const CUSTOMER_STATES: readonly CustomerLicenseState[] = ['valid', 'expiring', 'expired', 'none'];
export type CustomerSort = 'name' | 'valid_until';
export const CUSTOMERS_PAGE_SIZE = 25;
/** "expires in N days" from this many days on. */
export const EXPIRING_WITHIN_DAYS = 30;

export type ResellerCustomerRow = {
  id: string;
  name: string;
  tenantDomain: string;
  contactEmail: string | null;
  state: CustomerLicenseState;
  daysRemaining: number | null;
  licenseTypes: Array<LicenseType>;
  deviceCount: number;
  /** Latest end of any non-revoked license, ISO. */
  validUntil: string | null;
};

export type CustomerListFilters = { search?: string; state?: CustomerLicenseState; sort?: CustomerSort; customerId?: string };

/** A row of resellerCustomersQuery as PostgreSQL returns it. */
export type RawResellerCustomerRow = {
  id: string;
  name: string;
  tenant_domain: string;
  contact_email: string | null;
  valid_types: Array<LicenseType> | null;
  device_count: number | null;
  valid_until: Date | string | null;
  valid_now_until: Date | string | null;
  license_count: number;
  state: CustomerLicenseState;
};

/** One customer of this reseller with its license state (the customer's page); null for any other id. */
export async function findResellerCustomerRow(access: TenantAccess, customerId: string, executor: DbExecutor = getDb()): Promise<ResellerCustomerRow | null> {
  if (!isUuid(customerId)) return null;
  const { customers } = await listResellerCustomers(access, { customerId }, executor);
  return customers[0] ?? null;
}

/**
 * Every customer of this reseller matching the filters, with its license state, in the page's
 * order; shared by the Customers page (one page of it) and the CSV export (all of it).
 */
export function resellerCustomersQuery(resellerTenantId: string, input: CustomerListFilters): SQL {
  const pattern = input.search ? tenantSearchPattern(input.search) : null;
  const validNow = licenseIsValidNow();
  const order = input.sort === 'valid_until' ? sql`valid_until ASC NULLS FIRST, name ASC, id ASC` : sql`name ASC, id ASC`;
  return sql`
    WITH customer_licenses AS (
      SELECT t.id, t.name, t.tenant_domain, t.contact_email,
        array_agg(DISTINCT licenses.type::text ORDER BY licenses.type::text) FILTER (WHERE ${validNow}) AS valid_types,
        sum(licenses.device_count) FILTER (WHERE ${validNow})::int AS device_count,
        max(licenses.valid_until) FILTER (WHERE licenses.revoked_at IS NULL) AS valid_until,
        max(licenses.valid_until) FILTER (WHERE ${validNow}) AS valid_now_until,
        count(licenses.id)::int AS license_count
      FROM tenants t
      LEFT JOIN licenses ON licenses.tenant_id = t.id
      WHERE t.reseller_id = ${resellerTenantId} AND t.kind = 'customer'
        ${pattern ? sql`AND lower(t.name || ' ' || t.tenant_domain) LIKE ${pattern}` : sql``}
        ${input.customerId ? sql`AND t.id = ${input.customerId}` : sql``}
      GROUP BY t.id
    ), classified AS (
      SELECT *, CASE
        WHEN valid_now_until IS NOT NULL AND valid_now_until <= now() + make_interval(days => ${EXPIRING_WITHIN_DAYS}) THEN 'expiring'
        WHEN valid_now_until IS NOT NULL THEN 'valid'
        WHEN license_count > 0 THEN 'expired'
        ELSE 'none' END AS state
      FROM customer_licenses
    )
    SELECT * FROM classified
    ${input.state ? sql`WHERE state = ${input.state}` : sql``}
    ORDER BY ${order}`;
}

/** One raw row as the page and the export show it. */
export function toResellerCustomerRow(row: RawResellerCustomerRow, now: number): ResellerCustomerRow {
  const validNowUntil = row.valid_now_until ? new Date(row.valid_now_until) : null;
  return {
    id: row.id,
    name: row.name,
    tenantDomain: row.tenant_domain,
    contactEmail: row.contact_email,
    state: row.state,
    daysRemaining: validNowUntil ? Math.ceil((validNowUntil.getTime() - now) / 86_400_000) : null,
    licenseTypes: row.valid_types ?? [],
    deviceCount: row.device_count ?? 0,
    validUntil: row.valid_until ? new Date(row.valid_until).toISOString() : null,
  };
}

/**
 * The reseller's Customers page: every customer of this reseller with its license state.
 * "Valid now" is licenseIsValidNow(), the predicate the access layer and the customer selection use.
 * Small pages (25) ordered by name or end date, then id, so page boundaries are stable.
 */
export async function listResellerCustomers(
  access: TenantAccess,
  input: CustomerListFilters & { page?: number } = {},
  executor: DbExecutor = getDb(),
): Promise<{ customers: ResellerCustomerRow[]; hasNextPage: boolean }> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  const page = Math.max(1, Math.min(input.page ?? 1, 10_000));
  const result = await executor.execute<RawResellerCustomerRow>(
    sql`${resellerCustomersQuery(resellerTenantId, input)} LIMIT ${CUSTOMERS_PAGE_SIZE + 1} OFFSET ${(page - 1) * CUSTOMERS_PAGE_SIZE}`,
  );
  const now = Date.now();
  const rows = result.rows.slice(0, CUSTOMERS_PAGE_SIZE).map((row) => toResellerCustomerRow(row, now));
  return { customers: rows, hasNextPage: result.rows.length > CUSTOMERS_PAGE_SIZE };
}
