import { sql, type SQL } from 'drizzle-orm';
import { tenants } from '@/db/schema';
import { escapeLikePattern } from '@/lib/switcher/search-term';

/**
 * "Name or tenant domain contains the term", case-insensitive, as ONE expression so that the
 * GIN index tenants_reseller_search_trgm_idx (reseller_id + trigrams of this expression)
 * answers it together with the reseller condition. Keep it identical to the index.
 */
export function tenantSearchPattern(term: string): string {
  return `%${escapeLikePattern(term.toLowerCase())}%`;
}

export function tenantMatchesSearch(term: string): SQL {
  return sql`lower(${tenants.name} || ' ' || ${tenants.tenantDomain}) LIKE ${tenantSearchPattern(term)}`;
}
