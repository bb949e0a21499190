import 'server-only';
import { and, asc, eq, exists, inArray, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { licenses, tenants, type LicenseType } from '@/db/schema';
import { canSelectCustomers, PermissionDeniedError } from '@/lib/access/permissions';
import type { SessionContext } from '@/lib/auth/sessions';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { tenantMatchesSearch } from '@/lib/tenants/tenant-search';
import { encodeCursor, type SelectionCursor } from './selection-cursor';

export type SwitchableCustomer = {
  id: string;
  name: string;
  tenantDomain: string;
  licenseTypes: Array<LicenseType>;
  /** The latest end of the customer's valid licenses (ISO string). */
  validUntil: string;
};

export type SwitchableCustomerPage = { customers: SwitchableCustomer[]; nextCursor: string | null };

export const CUSTOMER_SELECTION_PAGE_SIZE = 25;

/**
 * The customer selection of a reseller's session (its own tenant; canSelectCustomers): customers
 * of this reseller holding a license valid now (the same predicate as the access layer:
 * tenants.reseller_id and licenseIsValidNow on tenant_id), filtered by a substring of name or
 * tenant domain (lib/tenants/tenant-search.ts: a trigram GIN index for rare terms, the
 * (reseller_id, name, id) btree for common ones, as the planner sees fit) and paged by keyset
 * on (name, id), so a later page costs what the first one does.
 */
export async function listSwitchableCustomers(
  session: SessionContext,
  input: { search?: string; cursor?: SelectionCursor | null; pageSize?: number } = {},
  executor: DbExecutor = getDb(),
): Promise<SwitchableCustomerPage> {
  if (!canSelectCustomers(session)) throw new PermissionDeniedError();
  const pageSize = Math.min(Math.max(input.pageSize ?? CUSTOMER_SELECTION_PAGE_SIZE, 1), 100);
  const rows = await executor
    .select({ id: tenants.id, name: tenants.name, tenantDomain: tenants.tenantDomain })
    .from(tenants)
    .where(
      and(
        eq(tenants.resellerId, session.tenant.id),
        eq(tenants.kind, 'customer'),
        exists(
          executor
            .select({ one: sql`1` })
            .from(licenses)
            .where(and(eq(licenses.tenantId, tenants.id), licenseIsValidNow())),
        ),
        input.search ? tenantMatchesSearch(input.search) : undefined,
        input.cursor ? sql`(${tenants.name}, ${tenants.id}) > (${input.cursor.name}, ${input.cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(tenants.name), asc(tenants.id))
    .limit(pageSize + 1);

  const page = rows.slice(0, pageSize);
  const badges = await loadValidLicenses(executor, page.map((row) => row.id));
  const last = page.at(-1);
  return {
    customers: page.map((row) => ({ ...row, ...(badges.get(row.id) ?? { licenseTypes: [], validUntil: '' }) })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ name: last.name, id: last.id }) : null,
  };
}

async function loadValidLicenses(executor: DbExecutor, tenantIds: string[]) {
  const result = new Map<string, { licenseTypes: Array<LicenseType>; validUntil: string }>();
  if (tenantIds.length === 0) return result;
  const rows = await executor
    .select({ tenantId: licenses.tenantId, type: licenses.type, validUntil: licenses.validUntil })
    .from(licenses)
    .where(and(inArray(licenses.tenantId, tenantIds), licenseIsValidNow()));
  for (const row of rows) {
    const entry = result.get(row.tenantId) ?? { licenseTypes: [], validUntil: '' };
    if (!entry.licenseTypes.includes(row.type)) entry.licenseTypes.push(row.type);
    const until = row.validUntil.toISOString();
    if (until > entry.validUntil) entry.validUntil = until;
    result.set(row.tenantId, entry);
  }
  for (const entry of result.values()) entry.licenseTypes.sort();
  return result;
}
