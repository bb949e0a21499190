import 'server-only';
import { readSort } from '@/lib/pagination/keyset';
import { normalizeSearchTerm } from '@/lib/tenants/tenant-search';
import { CUSTOMER_SORT_KEYS, CUSTOMER_STATES, type CustomerLicenseState, type CustomerSort } from './list-reseller-customers';

type SearchParams = Record<string, string | string[] | undefined>;

/** The Customers page's search, state filter and sort (`q`, `state`, `sort`, `dir`), read alike by the page and its CSV export. */
export function parseCustomerListFilters(query: SearchParams): { search: string; state: CustomerLicenseState | undefined; sort: CustomerSort } {
  return {
    search: normalizeSearchTerm(query.q),
    state: CUSTOMER_STATES.find((value) => value === query.state),
    sort: readSort(query, CUSTOMER_SORT_KEYS, 'name'),
  };
}
