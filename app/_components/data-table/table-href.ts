/** The filters on screen, as they sit in the address; empty values are left out of links. */
export type TableQuery = Record<string, string | undefined>;

export type SortDirection = 'asc' | 'desc';

/**
 * A link to the same list with some parameters changed. Every link of a table (sorting, paging)
 * keeps the filters on screen, so a person never loses the search they typed.
 */
export function tableHref(path: string, query: TableQuery, changes: TableQuery = {}): string {
  const merged = { ...query, ...changes };
  const search = new URLSearchParams(Object.entries(merged).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
