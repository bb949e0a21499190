import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { parseCustomerListFilters } from '@/lib/customers/customer-list-filters';
import { exportResellerCustomers } from '@/lib/customers/export-reseller-customers';
import { csvFilename, csvResponseHeaders, csvStream } from '@/lib/exports/csv';

// The reseller's Customers page as CSV, with the search and filters on screen (same query
// parameters). Same access rule as the page: customers.view, which only the reseller's own
// tenant grants; a customer admin, or a reseller inside a customer's tenant, gets a 404.
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'customers.view');
  const filters = parseCustomerListFilters(Object.fromEntries(request.nextUrl.searchParams));
  const t = await getTranslations('customers');
  await recordTenantAuditEvent(access, await getClientAddress(), {
    action: 'customers.exported',
    result: 'success',
    details: { search: filters.search || null, stateFilter: filters.state ?? null, sort: filters.sort.key, direction: filters.sort.direction },
  });
  const body = csvStream({
    header: [t('table.name'), t('table.tenantDomain'), t('csv.contactEmail'), t('table.state'), t('table.types'), t('table.devices'), t('csv.validUntil')],
    batches: exportResellerCustomers(access, filters),
    toRow: (customer) => [
      customer.name,
      customer.tenantDomain,
      customer.contactEmail,
      t(`state.${customer.state}`, { days: customer.daysRemaining ?? 0 }),
      customer.licenseTypes.map((type) => t(`licenseType.${type}`)).join(' + '),
      customer.deviceCount,
      customer.validUntil?.slice(0, 10) ?? null,
    ],
  });
  return new Response(body, { headers: csvResponseHeaders(csvFilename(['customers', access.actingTenant.tenantDomain], new Date())) });
}
