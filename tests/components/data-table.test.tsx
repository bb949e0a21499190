import { screen, within } from '@testing-library/react';
import { DataTable, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { renderWithIntl } from './intl-test-utils';

type User = { id: string; username: string; email: string; devices: number };

const columns: DataTableColumn<User>[] = [
  { id: 'username', header: 'Username', cell: (user) => user.username, isRowHeader: true, sortKey: 'username' },
  { id: 'email', header: 'Email', cell: (user) => user.email, wrapAnywhere: true },
  { id: 'devices', header: 'Devices', cell: (user) => user.devices, isNumeric: true, sortKey: 'devices' },
];
const rows: User[] = [
  { id: 'u1', username: 'admin', email: 'admin@example.test', devices: 3 },
  { id: 'u2', username: 'new.admin', email: 'new.admin@example.test', devices: 0 },
];

function renderTable(overrides: Partial<Parameters<typeof DataTable<User>>[0]> = {}, locale: 'en' | 'de' = 'en') {
  return renderWithIntl(
    <DataTable<User>
      caption="Users of Alpha Logistik GmbH"
      columns={columns}
      rows={rows}
      rowKey={(user) => user.id}
      rowAttributes={(user) => ({ 'data-username': user.username })}
      emptyMessage="No users yet."
      path="/tenant/123456.sms/users"
      query={{ q: 'adm', role: 'admin', empty: undefined }}
      sort={{ key: 'username', direction: 'asc' }}
      {...overrides}
    />,
    { locale },
  );
}

describe('DataTable', () => {
  it('names the table by its caption and marks the row header of each row', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Users of Alpha Logistik GmbH' });
    expect(within(table).getByRole('rowheader', { name: 'new.admin' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Users of Alpha Logistik GmbH' })).toHaveAttribute('tabindex', '0');
    expect(table.querySelector('tr[data-username="new.admin"]')).not.toBeNull();
  });

  it('labels every data cell with its column, for the stacked cards on phones', () => {
    renderTable();
    const row = screen.getByRole('rowheader', { name: 'admin' }).closest('tr')!;
    const labels = Array.from(row.querySelectorAll('td')).map((cell) => cell.getAttribute('data-label'));
    expect(labels).toEqual(['Email', 'Devices']);
  });

  it('shows an empty state instead of an empty table, still named by the caption', () => {
    renderTable({ rows: [] });
    expect(screen.queryByRole('table')).toBeNull();
    const region = screen.getByRole('region', { name: 'Users of Alpha Logistik GmbH' });
    expect(region).toHaveTextContent('No users yet.');
  });

  it('marks the sorted column with aria-sort and links the headers to the other order, keeping the filters', () => {
    renderTable({ sort: { key: 'username', direction: 'asc' } });
    const [username, email, devices] = screen.getAllByRole('columnheader');
    expect(username).toHaveAttribute('aria-sort', 'ascending');
    expect(email).not.toHaveAttribute('aria-sort');
    expect(devices).toHaveAttribute('aria-sort', 'none');
    const link = within(username!).getByRole('link');
    expect(link).toHaveAccessibleName('Username (sort descending)');
    expect(new URL(link.getAttribute('href')!, 'http://x').searchParams.toString()).toBe('q=adm&role=admin&sort=username&dir=desc');
    expect(within(devices!).getByRole('link').getAttribute('href')).toBe('/tenant/123456.sms/users?q=adm&role=admin&sort=devices&dir=asc');
  });

  it('pages with plain links that keep filters and order, and says where the page is', () => {
    renderTable({ query: { q: 'adm' }, pagination: { previousCursor: 'c-first', nextCursor: 'c-last', isFirstPage: false, pageNumber: 3, pageSize: 2 } });
    const pager = screen.getByRole('navigation', { name: 'Pages: Users of Alpha Logistik GmbH' });
    expect(within(pager).getByRole('link', { name: 'First page' })).toHaveAttribute('href', '/tenant/123456.sms/users?q=adm&sort=username&dir=asc');
    expect(within(pager).getByRole('link', { name: 'Previous' })).toHaveAttribute('href', '/tenant/123456.sms/users?q=adm&sort=username&dir=asc&before=c-first&page=2');
    expect(within(pager).getByRole('link', { name: 'Next' })).toHaveAttribute('href', '/tenant/123456.sms/users?q=adm&sort=username&dir=asc&after=c-last&page=4');
    expect(pager).toHaveTextContent('Page 3 · showing 5–6');
  });

  it('offers no previous link on the first page, whatever page number the address claims', () => {
    renderTable({ pagination: { previousCursor: null, nextCursor: 'c-last', isFirstPage: true, pageNumber: 7, pageSize: 2 } });
    const pager = screen.getByRole('navigation');
    expect(within(pager).queryByRole('link', { name: 'Previous' })).toBeNull();
    expect(within(pager).queryByRole('link', { name: 'First page' })).toBeNull();
    expect(pager).toHaveTextContent('Page 1 · showing 1–2');
  });

  it('says Newer and Older for lists in time order, in German too', () => {
    renderTable({ sort: undefined, pagination: { previousCursor: 'a', nextCursor: 'b', isFirstPage: false, pageNumber: 2, pageSize: 2, wording: 'time' } }, 'de');
    const pager = screen.getByRole('navigation');
    expect(within(pager).getByRole('link', { name: 'Neuere' })).toBeInTheDocument();
    expect(within(pager).getByRole('link', { name: 'Ältere' })).toBeInTheDocument();
    expect(within(pager).getByRole('link', { name: 'Neueste' })).toBeInTheDocument();
  });

  it('offers the way back to the first page when a stale or foreign cursor found nothing', () => {
    renderTable({ rows: [], pagination: { previousCursor: null, nextCursor: null, isFirstPage: false, pageNumber: 4, pageSize: 2 } });
    const pager = screen.getByRole('navigation');
    expect(within(pager).getByRole('link', { name: 'First page' })).toBeInTheDocument();
    expect(pager).toHaveTextContent('Page 4 · nothing here');
  });

  it('renders no pager links when everything fits on one page', () => {
    renderTable({ pagination: { previousCursor: null, nextCursor: null, isFirstPage: true, pageNumber: 1, pageSize: 25 } });
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByText('2 entries')).toBeInTheDocument();
  });

  it('adds a row-actions column', () => {
    renderTable({ rowActions: { header: 'Actions', render: (user) => <button type="button">Manage {user.username}</button> } });
    expect(screen.getAllByRole('columnheader').at(-1)).toHaveTextContent('Actions');
    expect(screen.getByRole('button', { name: 'Manage new.admin' }).closest('td')).not.toHaveAttribute('data-label');
  });
});
