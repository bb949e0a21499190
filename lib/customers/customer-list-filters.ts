import 'server-only';
import { normalizeSearchTerm } from '@/lib/tenants/tenant-search';
import { CUSTOMER_STATES, type CustomerLicenseState, type CustomerSort } from './list-reseller-customers';

type SearchParams = Record<string, string | string[] | undefined>;

/** The Customers page's search, state filter and sort (`q`, `state`, `sort`), read alike by the page and its CSV export. */
export function parseCustomerListFilters(query: SearchParams): { search: string; state: CustomerLicenseState | undefined; sort: CustomerSort } {
  return {
    search: normalizeSearchTerm(query.q),
    state: CUSTOMER_STATES.find((value) => value === query.state),
    sort: query.sort === 'valid_until' ? 'valid_until' : 'name',
  };
}
