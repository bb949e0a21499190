import { readPageNumber, readPageRequest, readSort, type PageRequest, type SortDirection } from './keyset';

type SearchParams = Record<string, string | string[] | undefined>;

type TableQuery = {
  /** The keyset arguments of the list query (`?after=` / `?before=`). */
  page: PageRequest;
  /** Only for the pager's "page X" line (`?page=`). */
  pageNumber: number;
};

/**
 * What a DataTable page reads from its address: the page request, the page number and, for a
 * sortable list, `?sort=&dir=` limited to its keys (the first key is the default order).
 */
export function readTableQuery(query: SearchParams, options: { pageSize: number }): TableQuery;
export function readTableQuery<Key extends string>(
  query: SearchParams,
  options: { pageSize: number; sortKeys: readonly [Key, ...Key[]] },
): TableQuery & { sort: { key: Key; direction: SortDirection } };
export function readTableQuery<Key extends string>(query: SearchParams, options: { pageSize: number; sortKeys?: readonly [Key, ...Key[]] }) {
  const table: TableQuery = { page: readPageRequest(query, options.pageSize), pageNumber: readPageNumber(query.page) };
  return options.sortKeys ? { ...table, sort: readSort(query, options.sortKeys, options.sortKeys[0]) } : table;
}
