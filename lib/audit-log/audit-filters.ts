type SearchParams = Record<string, string | string[] | undefined>;

/**
 * One filter value from the address, or none. Control characters mean none: PostgreSQL refuses
 * U+0000 in text, so `?actor=%00` answered 500 (issue 14.7), and no actor or action has them.
 */
export function singleFilterValue(value: string | string[] | null | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value) ? value : undefined;
}

/** The audit page's filters (`actor`, `action`), read alike by the page and its CSV export. */
export function parseAuditFilters(query: SearchParams): { actor?: string; action?: string } {
  return { actor: singleFilterValue(query.actor), action: singleFilterValue(query.action) };
}
