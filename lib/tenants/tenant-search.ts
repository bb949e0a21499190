import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { tenants } from '@/db/schema';

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

/** `%` and `_` typed by a person are literal characters, not LIKE wildcards. */
export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** What a person typed into a tenant search (customer selection, Customers page), trimmed and bounded; empty means "no filter". */
export function normalizeSearchTerm(input: unknown): string {
  if (typeof input !== 'string') return '';
  // No name or tenant domain contains U+0000, and PostgreSQL refuses it in a query parameter.
  return input.replaceAll('\u0000', '').trim().slice(0, 100);
}
