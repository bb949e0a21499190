import 'server-only';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { cursorBatches } from '@/lib/exports/cursor-batches';
import { resellerCustomersQuery, toResellerCustomerRow, type CustomerListFilters, type RawResellerCustomerRow, type ResellerCustomerRow } from './list-reseller-customers';
import { requireResellerScope } from './reseller-scope';

/**
 * The Customers page's list without paging, for the CSV export: same filters, same order, same
 * access rule (customers.view in the reseller's own tenant), streamed in batches.
 */
export async function* exportResellerCustomers(access: TenantAccess, filters: Omit<CustomerListFilters, 'customerId'>, batchSize = 500): AsyncGenerator<ResellerCustomerRow[], void, undefined> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.view');
  for await (const rows of cursorBatches<RawResellerCustomerRow>(resellerCustomersQuery(resellerTenantId, filters), batchSize)) {
    const now = Date.now();
    yield rows.map((row) => toResellerCustomerRow(row, now));
  }
}
