import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerSelection } from '@/app/customer-selection/_components/customer-selection';
import { CustomerSelectionMenu } from '@/app/customer-selection/_components/customer-selection-menu';
import type { SwitchableCustomerPage } from '@/lib/customer-selection/list-switchable-customers';
import { renderWithIntl } from './intl-test-utils';

const alpha = { id: 'a', name: 'Alpha Logistik GmbH', tenantDomain: '123456.sms', licenseTypes: ['mdm' as const], validUntil: '2027-01-31T00:00:00.000Z' };
const beta = { id: 'b', name: 'Beta Retail AG', tenantDomain: '234567.sms', licenseTypes: ['mobile_security' as const], validUntil: '2027-03-01T00:00:00.000Z' };
const firstPage: SwitchableCustomerPage = { customers: [alpha, beta], nextCursor: null };

describe('CustomerSelection', () => {
  test('lists customers with domain, license badges and validity', () => {
    renderWithIntl(<CustomerSelection initialPage={firstPage} searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={jest.fn()} fetchPage={jest.fn()} />);
    const entry = screen.getByRole('button', { name: /Alpha Logistik GmbH/ });
    const row = entry.closest('tr')!;
    expect(within(screen.getByRole('table', { name: 'Customers' })).getByRole('rowheader', { name: /Alpha Logistik GmbH/ })).toContainElement(entry);
    expect(row).toHaveTextContent('123456.sms');
    expect(row).toHaveTextContent('MDM');
    expect(row).toHaveTextContent('Jan 31, 2027');
    expect(screen.getByRole('button', { name: /Beta Retail AG/ }).closest('tr')).toHaveTextContent('Mobile Security');
  });

  test('searches on the server as you type, debounced: one request for a burst of keys', async () => {
    const fetchPage = jest.fn(async (url: string) => (url.includes('q=bet') ? { customers: [beta], nextCursor: null } : firstPage));
    const user = userEvent.setup();
    renderWithIntl(<CustomerSelection initialPage={firstPage} searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={jest.fn()} fetchPage={fetchPage} debounceMs={50} />);
    await user.type(screen.getByLabelText('Search customers'), 'bet');
    await waitFor(() => expect(screen.queryByRole('button', { name: /Alpha/ })).not.toBeInTheDocument());
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage).toHaveBeenCalledWith('/customer-selection/search?q=bet');
    expect(screen.getByRole('button', { name: /Beta Retail AG/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 customer shown');
  });

  test('shows an empty state and loads further keyset pages with the cursor', async () => {
    const fetchPage = jest.fn(async (url: string) => (url.includes('cursor=') ? { customers: [beta], nextCursor: null } : { customers: [], nextCursor: null }));
    const user = userEvent.setup();
    renderWithIntl(<CustomerSelection initialPage={{ customers: [alpha], nextCursor: 'CUR' }} searchUrl="/s" pageUrl="/customer-selection" selectAction={jest.fn()} fetchPage={fetchPage} debounceMs={10} />);
    // A link to the next keyset page (works without JavaScript); with it, the page is added below.
    const more = screen.getByRole('link', { name: 'Show more customers' });
    expect(more).toHaveAttribute('href', '/customer-selection?q=&cursor=CUR');
    await user.click(more);
    expect(fetchPage).toHaveBeenCalledWith('/s?q=&cursor=CUR');
    expect(await screen.findByRole('button', { name: /Beta Retail AG/ })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Search customers'), 'zzz');
    expect(await screen.findByText('No customer with a valid license matches.')).toBeInTheDocument();
  });

  test('its search is a GET form (Enter works without JavaScript); with it, Enter searches at once', async () => {
    const fetchPage = jest.fn(async () => ({ customers: [beta], nextCursor: null }));
    const user = userEvent.setup();
    renderWithIntl(<CustomerSelection initialPage={firstPage} initialTerm="" searchUrl="/s" pageUrl="/customer-selection" selectAction={jest.fn()} fetchPage={fetchPage} debounceMs={60_000} />);
    const search = screen.getByRole('search');
    expect(search).toHaveAttribute('method', 'get');
    expect(search).toHaveAttribute('action', '/customer-selection');
    expect(screen.getByLabelText('Search customers')).toHaveAttribute('name', 'q');
    await user.type(screen.getByLabelText('Search customers'), 'beta{Enter}');
    await waitFor(() => expect(fetchPage).toHaveBeenCalledWith('/s?q=beta'));
    expect(await screen.findByRole('status')).toHaveTextContent('1 customer shown');
  });

  test('arrow keys move between entries; Enter selects through the server action with the tenant domain', async () => {
    const selectAction = jest.fn(async (_formData: FormData) => {});
    const user = userEvent.setup();
    renderWithIntl(<CustomerSelection initialPage={firstPage} searchUrl="/s" pageUrl="/customer-selection" selectAction={selectAction} fetchPage={jest.fn()} />);
    await user.click(screen.getByLabelText('Search customers'));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /Alpha/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /Beta/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByLabelText('Search customers')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(selectAction).toHaveBeenCalledTimes(1));
    expect(selectAction.mock.calls[0]![0].get('tenantDomain')).toBe('234567.sms');
  });
});

describe('CustomerSelectionMenu', () => {
  test('without JavaScript its search is a GET form to the customer selection', () => {
    renderWithIntl(<CustomerSelectionMenu searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={jest.fn()} />);
    const details = screen.getByText('Switch customer').closest('details')!;
    const search = within(details).getByRole('search');
    expect(search).toHaveAttribute('method', 'get');
    expect(search).toHaveAttribute('action', '/customer-selection');
    expect(within(search).getByLabelText('Search customers')).toHaveAttribute('name', 'q');
  });

  test('is the one customer switcher: it also leads to the full customer selection, open or not', async () => {
    const user = userEvent.setup();
    Object.assign(globalThis, { fetch: jest.fn(async () => ({ ok: true, json: async () => firstPage })) });
    renderWithIntl(<CustomerSelectionMenu searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={jest.fn()} />);
    const details = screen.getByText('Switch customer').closest('details')!;
    expect(within(details).getByText('Open the full customer selection')).toHaveAttribute('href', '/customer-selection');
    await user.click(screen.getByText('Switch customer'));
    await screen.findByRole('button', { name: /Alpha Logistik GmbH/ });
    expect(screen.getByRole('link', { name: 'Open the full customer selection' })).toHaveAttribute('href', '/customer-selection');
    Reflect.deleteProperty(globalThis, 'fetch');
  });

  test('opening it loads the live list; Escape closes it back to its summary', async () => {
    const user = userEvent.setup();
    // jsdom has no fetch: the menu's real fetch path gets a stand-in answering like the route handler.
    const fetchMock = jest.fn(async () => ({ ok: true, json: async () => firstPage }));
    Object.assign(globalThis, { fetch: fetchMock });
    renderWithIntl(<CustomerSelectionMenu searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={jest.fn()} />);
    const toggle = screen.getByText('Switch customer');
    const details = toggle.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    await user.click(toggle);
    expect(details).toHaveAttribute('open');
    expect(await screen.findByRole('button', { name: /Alpha Logistik GmbH/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Search customers')).toHaveFocus();
    await act(async () => {
      await user.keyboard('{Escape}');
    });
    expect(details).not.toHaveAttribute('open');
    expect(toggle).toHaveFocus();
    expect(fetchMock).toHaveBeenCalledWith('/customer-selection/search?q=', expect.objectContaining({ credentials: 'same-origin' }));
    Reflect.deleteProperty(globalThis, 'fetch');
  });
});
