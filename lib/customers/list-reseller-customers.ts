import 'server-only';
import type { LicenseType } from '@/db/schema';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { tenantSearchPattern } from '@/lib/tenants/tenant-search';
import { isUuid } from '@/lib/uuid';
import { finishKeysetPage, keysetClauses, type PageRequest, type SortDirection } from '@/lib/pagination/keyset';
import { requireResellerScope } from './reseller-scope';

export type CustomerLicenseState = 'valid' | 'expiring' | 'expired' | 'none';
export const CUSTOMER_STATES: readonly CustomerLicenseState[] = ['valid', 'expiring', 'expired', 'none'];
export const CUSTOMER_SORT_KEYS = ['name', 'tenant_domain', 'valid_until'] as const;
export type CustomerSort = { key: (typeof CUSTOMER_SORT_KEYS)[number]; direction: SortDirection };
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
 * Every customer of this reseller matching search (and id), with its license state; the page
 * and the CSV export filter and order this alike.
 */
function classifiedCustomers(resellerTenantId: string, input: { search?: string; customerId?: string }): SQL {
  const pattern = input.search ? tenantSearchPattern(input.search) : null;
  const validNow = licenseIsValidNow();
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
    SELECT * FROM classified`;
}

// Customers without a license sort before every end date (NULLs cannot take part in a row comparison).
const NO_END = sql`'-infinity'::timestamptz`;
const SORT_KEYS: Record<CustomerSort['key'], SQL[]> = {
  name: [sql`name`, sql`id`],
  tenant_domain: [sql`tenant_domain`, sql`id`],
  valid_until: [sql`coalesce(valid_until, ${NO_END})`, sql`name`, sql`id`],
};

/**
 * Every customer of this reseller matching the filters, in the page's order (same keys, same
 * direction), unpaged: the CSV export reads it through a cursor in batches.
 */
export function resellerCustomersQuery(resellerTenantId: string, input: CustomerListFilters): SQL {
  const sort = input.sort ?? { key: 'name', direction: 'asc' };
  const direction = sort.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const orderBy = sql.join(SORT_KEYS[sort.key].map((key) => sql`${key} ${direction}`), sql`, `);
  return sql`${classifiedCustomers(resellerTenantId, input)}
    ${input.state ? sql`WHERE state = ${input.state}` : sql``}
    ORDER BY ${orderBy}`;
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
 * The reseller's Customers page: one page of this reseller's customers with their license state.
 * "Valid now" is licenseIsValidNow(), the predicate the access layer and the customer selection use.
 * Keyset pages ordered by name, tenant domain or license end, then id; the cursor (a customer id)
 * is re-read among this reseller's customers, so another reseller's customer yields nothing.
 */
export async function listResellerCustomers(
  access: TenantAccess,
  input: CustomerListFilters & { page?: PageRequest } = {},
  executor: DbExecutor = getDb(),
): Promise<{ customers: ResellerCustomerRow[]; hasNextPage: boolean; previousCursor: string | null; nextCursor: string | null; isFirstPage: boolean }> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  const request = input.page ?? { cursor: null, towards: 'after', limit: CUSTOMERS_PAGE_SIZE };
  const sortKey = input.sort?.key ?? 'name';
  const scope = sql`c.id = ${request.cursor} AND c.reseller_id = ${resellerTenantId} AND c.kind = 'customer'`;
  const positions = {
    name: sql`(SELECT c.name, c.id FROM tenants c WHERE ${scope})`,
    tenant_domain: sql`(SELECT c.tenant_domain, c.id FROM tenants c WHERE ${scope})`,
    valid_until: sql`(SELECT coalesce(max(l.valid_until) FILTER (WHERE l.revoked_at IS NULL), ${NO_END}), c.name, c.id
      FROM tenants c LEFT JOIN licenses l ON l.tenant_id = c.id WHERE ${scope} GROUP BY c.id)`,
  };
  const page = keysetClauses({ keys: SORT_KEYS[sortKey], direction: input.sort?.direction ?? 'asc', request, position: () => positions[sortKey] });
  const result = await executor.execute<RawResellerCustomerRow>(sql`
    ${classifiedCustomers(resellerTenantId, input)}
    WHERE true
      ${input.state ? sql`AND state = ${input.state}` : sql``}
      ${page.where ? sql`AND ${page.where}` : sql``}
    ORDER BY ${page.orderBy}
    LIMIT ${page.limit}
  `);
  const keyset = finishKeysetPage(result.rows, request, (row) => row.id);
  const now = Date.now();
  const { previousCursor, nextCursor, isFirstPage } = keyset;
  return { customers: keyset.rows.map((row) => toResellerCustomerRow(row, now)), hasNextPage: nextCursor !== null, previousCursor, nextCursor, isFirstPage };
}
