import { sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';
import { z } from 'zod';

/**
 * Keyset pagination for every list of the portal: a page of N rows after (or before) the row a
 * cursor names, in a stable order that ends with a unique tiebreaker (the id). The cursor is
 * only that row's id; its sort values are re-read from the database inside the caller's tenant
 * or reseller scope, so a cursor from another tenant, or made up, yields an empty page.
 */

export type SortDirection = 'asc' | 'desc';

export type PageRequest = {
  /** Rows after this row (the next page), or before it (the previous page). */
  cursor: string | null;
  towards: 'after' | 'before';
  limit: number;
};

export type KeysetPage<Row> = {
  rows: Row[];
  /** The first row's cursor, when rows come before this page. */
  previousCursor: string | null;
  /** The last row's cursor, when rows come after this page. */
  nextCursor: string | null;
  isFirstPage: boolean;
};

export const MAX_PAGE_SIZE = 200;

const uuidCursor = z.uuid();

/** A cursor from the address: a UUID, or no cursor at all (never a database error). */
export function parseUuidCursor(value: unknown): string | null {
  const parsed = uuidCursor.safeParse(value);
  return parsed.success ? parsed.data.toLowerCase() : null;
}

/** `?after=` / `?before=` of the address; with both, `after` wins. */
export function readPageRequest(
  query: { after?: unknown; before?: unknown; limit?: number },
  defaultLimit: number,
  parseCursor: (value: unknown) => string | null = parseUuidCursor,
): PageRequest {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? defaultLimit), 1), MAX_PAGE_SIZE);
  const after = parseCursor(query.after);
  if (after) return { cursor: after, towards: 'after', limit };
  const before = parseCursor(query.before);
  if (before) return { cursor: before, towards: 'before', limit };
  return { cursor: null, towards: 'after', limit };
}

/** The page number of the address, only for the pager's "page X" line. */
export function readPageNumber(value: unknown): number {
  const number = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, number);
}

/**
 * ORDER BY and WHERE of one page. `keys` are the sort expressions, tiebreaker last; all run in
 * the same direction so a row comparison `(a, b, id) > (…)` matches the order. `position` is a
 * subquery selecting the same expressions for the cursor's row within the caller's scope: no
 * such row there, no rows here.
 */
export function keysetClauses(input: { keys: SQL[]; direction: SortDirection; request: PageRequest; position: (cursor: string) => SQL }) {
  const { keys, request } = input;
  // Reading backwards runs the order the other way round; the rows are reversed afterwards.
  const forwards = request.towards === 'after';
  const ascending = (input.direction === 'asc') === forwards;
  const keyList = sql.join(keys, sql`, `);
  const orderBy = sql.join(
    keys.map((key) => (ascending ? sql`${key} ASC` : sql`${key} DESC`)),
    sql`, `,
  );
  const where = request.cursor === null ? undefined : ascending ? sql`(${keyList}) > ${input.position(request.cursor)}` : sql`(${keyList}) < ${input.position(request.cursor)}`;
  return { where, orderBy, limit: request.limit + 1 };
}

/**
 * The `position` of keysetClauses when the cursor is the id of a row of `table`: the sort
 * expressions of that row, read only within `scope` (the caller's tenant or reseller). Inside
 * the subquery `table` is its own FROM item, so the expressions read the cursor's row.
 */
export function positionById(input: { keys: SQL[]; table: Table; id: AnyColumn; scope: SQL }): (cursor: string) => SQL {
  return (cursor) => sql`(select ${sql.join(input.keys, sql`, `)} from ${input.table} where ${input.id} = ${cursor} and ${input.scope})`;
}

/** Turns the limit+1 rows of keysetClauses into a page with its cursors. */
export function finishKeysetPage<Row>(fetched: Row[], request: PageRequest, cursorOf: (row: Row) => string): KeysetPage<Row> {
  const hasMore = fetched.length > request.limit;
  const rows = fetched.slice(0, request.limit);
  if (request.towards === 'before') {
    rows.reverse();
    return {
      rows,
      previousCursor: hasMore && rows.length > 0 ? cursorOf(rows[0]!) : null,
      nextCursor: rows.length > 0 ? cursorOf(rows[rows.length - 1]!) : null,
      isFirstPage: !hasMore && rows.length > 0,
    };
  }
  return {
    rows,
    previousCursor: request.cursor !== null && rows.length > 0 ? cursorOf(rows[0]!) : null,
    nextCursor: hasMore && rows.length > 0 ? cursorOf(rows[rows.length - 1]!) : null,
    isFirstPage: request.cursor === null,
  };
}

/** `?sort=&dir=` of the address, limited to the keys a list supports. */
export function readSort<Key extends string>(query: { sort?: unknown; dir?: unknown }, keys: readonly Key[], fallback: Key): { key: Key; direction: SortDirection } {
  const key = keys.find((candidate) => candidate === query.sort) ?? fallback;
  return { key, direction: query.dir === 'desc' ? 'desc' : 'asc' };
}

/** The same page with each row turned into what the page shows. */
export function mapPage<Row, View>(page: KeysetPage<Row>, toView: (row: Row) => View): KeysetPage<View> {
  return { ...page, rows: page.rows.map(toView) };
}
