import { screen, within } from '@testing-library/react';
import { TenantNav } from '@/app/_components/tenant-nav';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { renderWithIntl } from './intl-test-utils';

let pathname = '/tenant/123456.sms';
jest.mock('next/navigation', () => ({ usePathname: () => pathname }));

function accessFor(role: 'admin' | 'helpdesk', kind: 'customer' | 'reseller', tenantDomain: string): TenantAccess {
  const tenant = { id: 't', name: 'Tenant', tenantDomain, kind };
  return {
    session: { user: { id: 'u', username: 'alice', role }, tenant },
    actingTenant: tenant,
    isResellerActingForCustomer: false,
    actorLabel: `alice@${tenantDomain}`,
  } as unknown as TenantAccess;
}

describe('TenantNav', () => {
  it('lists the sections the role may open; the person’s own pages are in the user menu, not here', () => {
    pathname = '/tenant/123456.sms';
    renderWithIntl(<TenantNav access={accessFor('admin', 'customer', '123456.sms')} />);
    const nav = screen.getByRole('navigation', { name: 'Tenant sections' });
    const names = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(names).toEqual(['Overview', 'Users', 'Configurations', 'Audit log']);
    expect(within(nav).queryByRole('link', { name: 'Security' })).not.toBeInTheDocument();
  });

  it('a reseller’s own tenant shows its customers and two-factor compliance', () => {
    pathname = '/tenant/100001.sms/customers';
    renderWithIntl(<TenantNav access={accessFor('admin', 'reseller', '100001.sms')} />);
    expect(screen.getByRole('link', { name: 'Customers' })).toHaveAttribute('href', '/tenant/100001.sms/customers');
    expect(screen.getByRole('link', { name: 'Two-factor compliance' })).toBeInTheDocument();
  });

  it('marks the current section, also on its sub-pages, but the overview only on itself', () => {
    pathname = '/tenant/123456.sms/configurations/new';
    renderWithIntl(<TenantNav access={accessFor('admin', 'customer', '123456.sms')} />);
    expect(screen.getByRole('link', { name: 'Configurations' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('collapses into a native popover menu on phones (a button HTML wires up, no JavaScript needed)', () => {
    pathname = '/tenant/123456.sms';
    renderWithIntl(<TenantNav access={accessFor('admin', 'customer', '123456.sms')} />, { locale: 'de' });
    const toggle = screen.getByRole('button', { name: 'Menü' });
    const list = screen.getByRole('list');
    expect(list).toHaveAttribute('popover', 'auto');
    expect(toggle).toHaveAttribute('popovertarget', list.id);
  });
});
