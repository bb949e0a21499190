import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import styles from './data-table.module.css';
import { tableHref, type SortDirection, type TableQuery } from './table-href';

export type DataTableColumn<Row> = {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (`<th scope="row">`, the card's title on phones). One per table. */
  isRowHeader?: boolean;
  /** The `sort` value of the address when the list can be sorted by this column. */
  sortKey?: string;
  isNumeric?: boolean;
  /** Long unbroken values (email addresses, user agents) may break anywhere. */
  wrapAnywhere?: boolean;
};

/** Keyset pagination as the list functions return it (lib/pagination/keyset.ts). */
export type DataTablePagination = {
  /** The cursor of the first row shown, when rows come before it. */
  previousCursor: string | null;
  /** The cursor of the last row shown, when rows come after it. */
  nextCursor: string | null;
  /** No rows come before this page (a page with a foreign or stale cursor is not the first). */
  isFirstPage: boolean;
  /** 1-based page number carried in the address for the "page X · showing N–M" line. */
  pageNumber: number;
  pageSize: number;
  /** Lists ordered by time say Newer/Older instead of Previous/Next. */
  wording?: 'list' | 'time';
};

type DataTableProps<Row> = {
  caption: string;
  /** The caption is read by screen readers always; shown when the page has no heading of its own for the table. */
  isCaptionVisible?: boolean;
  columns: ReadonlyArray<DataTableColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** `data-*` attributes of a row (tests and scripts find rows by them), and `aria-current` for "this one". */
  rowAttributes?: (row: Row) => Record<`data-${string}`, string> & { 'aria-current'?: 'true' };
  emptyMessage: ReactNode;
  /** The list's own address and the filters on screen: sorting and paging links keep them. */
  path: string;
  query?: TableQuery;
  sort?: { key: string; direction: SortDirection };
  pagination?: DataTablePagination;
  /** A last column with each row's actions (usually a RowActionsMenu). */
  rowActions?: { header: string; render: (row: Row) => ReactNode };
  className?: string;
};

/**
 * The one table of the portal: caption, column headers (sortable ones are links with aria-sort),
 * an empty state, a keyset pager and a row-actions column. Plain server HTML with links, so it
 * works without JavaScript; below 48rem rows become stacked cards, each cell named by data-label.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const t = useTranslations('dataTable');
  const { caption, columns, rows, rowKey, rowAttributes, path, query = {}, sort, pagination, rowActions } = props;

  const sortHref = (key: string) => {
    const direction: SortDirection = sort?.key === key && sort.direction === 'asc' ? 'desc' : 'asc';
    // A new order starts at the first page: a cursor belongs to the order it was made in.
    return tableHref(path, { ...query, before: undefined, after: undefined, page: undefined }, { sort: key, dir: direction });
  };
  const listQuery = { ...query, ...(sort ? { sort: sort.key, dir: sort.direction } : {}) };

  return (
    <div className={[styles.dataTable, props.className].filter(Boolean).join(' ')}>
      {rows.length === 0 ? (
        <div className={styles.empty} role="region" aria-label={caption}>
          <p className={styles.emptyCaption}>{caption}</p>
          <p className={styles.emptyMessage}>{props.emptyMessage}</p>
        </div>
      ) : (
        <div className={styles.frame} role="region" aria-label={caption} tabIndex={0}>
          <table className={styles.table}>
            <caption className={props.isCaptionVisible ? styles.caption : 'visually-hidden'}>{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => {
                  const isSorted = sort !== undefined && column.sortKey === sort.key;
                  return (
                    <th
                      key={column.id}
                      scope="col"
                      className={column.isNumeric ? styles.numeric : undefined}
                      aria-sort={column.sortKey ? (isSorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
                    >
                      {column.sortKey ? (
                        <Link href={sortHref(column.sortKey)} className={styles.sortLink}>
                          {column.header}
                          <span aria-hidden="true" className={styles.sortIcon}>
                            {isSorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                          </span>
                          <span className="visually-hidden">
                            {' '}
                            ({isSorted && sort.direction === 'asc' ? t('sortDescending') : t('sortAscending')})
                          </span>
                        </Link>
                      ) : (
                        column.header
                      )}
                    </th>
                  );
                })}
                {rowActions ? <th scope="col">{rowActions.header}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} {...rowAttributes?.(row)}>
                  {columns.map((column) => {
                    const className = [column.isNumeric ? styles.numeric : '', column.wrapAnywhere ? styles.wrapAnywhere : ''].filter(Boolean).join(' ') || undefined;
                    return column.isRowHeader ? (
                      <th key={column.id} scope="row" className={className}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.id} data-label={column.header} className={className}>
                        {column.cell(row)}
                      </td>
                    );
                  })}
                  {rowActions ? <td className={styles.actions}>{rowActions.render(row)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pagination ? <Pager pagination={pagination} path={path} query={listQuery} rowCount={rows.length} caption={caption} /> : null}
    </div>
  );
}

function Pager({ pagination, path, query, rowCount, caption }: { pagination: DataTablePagination; path: string; query: TableQuery; rowCount: number; caption: string }) {
  const t = useTranslations('dataTable');
  const { previousCursor, nextCursor, pageSize, isFirstPage } = pagination;
  // The page number in the address is only for the info line; the cursors decide the rows.
  const pageNumber = isFirstPage ? 1 : Math.max(2, pagination.pageNumber);
  const isTime = pagination.wording === 'time';
  const base = { ...query, before: undefined, after: undefined, page: undefined };
  if (isFirstPage && nextCursor === null && rowCount <= pageSize) {
    // Everything fits on one page: say how many, offer no dead links.
    return rowCount > 0 ? <p className={styles.pagerInfo}>{t('showingAll', { count: rowCount })}</p> : null;
  }
  const first = (pageNumber - 1) * pageSize + 1;
  return (
    <nav className={styles.pager} aria-label={t('pagerLabel', { caption })}>
      <ul className={styles.pagerLinks}>
        {!isFirstPage ? (
          <li>
            <Link href={tableHref(path, base)}>{t(isTime ? 'newest' : 'firstPage')}</Link>
          </li>
        ) : null}
        {previousCursor ? (
          <li>
            <Link href={tableHref(path, base, { before: previousCursor, page: String(Math.max(1, pageNumber - 1)) })} rel="prev">
              {t(isTime ? 'newer' : 'previous')}
            </Link>
          </li>
        ) : null}
        {nextCursor ? (
          <li>
            <Link href={tableHref(path, base, { after: nextCursor, page: String(pageNumber + 1) })} rel="next">
              {t(isTime ? 'older' : 'next')}
            </Link>
          </li>
        ) : null}
      </ul>
      <p className={styles.pagerInfo} aria-live="polite">
        {rowCount > 0 ? t('pageInfo', { page: pageNumber, first, last: first + rowCount - 1 }) : t('pageInfoEmpty', { page: pageNumber })}
      </p>
    </nav>
  );
}

/** The pager's input from a keyset page of lib/pagination/keyset.ts and the address's `page`. */
export function paginationOf(page: { previousCursor: string | null; nextCursor: string | null; isFirstPage: boolean }, pageNumber: number, pageSize: number, wording?: 'list' | 'time'): DataTablePagination {
  return { previousCursor: page.previousCursor, nextCursor: page.nextCursor, isFirstPage: page.isFirstPage, pageNumber, pageSize, wording };
}
