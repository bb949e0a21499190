import { screen } from '@testing-library/react';
import { SessionHeader } from '@/app/customer-selection/_components/session-header';
import type { Role, TenantKind } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import type { SessionContext } from '@/lib/auth/sessions';
import { renderWithIntl } from './intl-test-utils';

// The header's language forms fall back to the current path; the switcher's action is a server action.
jest.mock('next/navigation', () => ({ usePathname: () => '/security' }));
jest.mock('@/app/customer-selection/actions', () => ({ switchToCustomerAction: jest.fn() }));

const reseller = { id: 'r', tenantDomain: '900001.sms', name: 'Demo Reseller GmbH', kind: 'reseller' as TenantKind };
const customer = { id: 'c', tenantDomain: '123456.sms', name: 'Alpha Logistik GmbH', kind: 'customer' as TenantKind };

function sessionOf(username: string, role: Role, tenant: typeof reseller): SessionContext {
  return { sessionId: 's', user: { id: 'u', username, email: `${username}@example.test`, role, isRspLinked: false, hasTwoFactor: true }, tenant };
}

function accessOf(session: SessionContext, actingTenant: typeof customer): TenantAccess {
  const isResellerActingForCustomer = actingTenant.id !== session.tenant.id;
  return { session, actingTenant, isResellerActingForCustomer, actorLabel: `${session.user.username}@${session.tenant.tenantDomain}` };
}

const chip = () => screen.getByRole('banner').querySelector('.context-chip');
const switcher = () => screen.queryByText('Switch customer');

describe('SessionHeader', () => {
  it('a customer admin in their own tenant: the tenant, its domain and the person; no customer switcher', () => {
    renderWithIntl(<SessionHeader signedIn={accessOf(sessionOf('alice', 'admin', customer), customer)} />);
    expect(chip()).toHaveTextContent('Alpha Logistik GmbH (123456.sms) · alice');
    expect(switcher()).not.toBeInTheDocument();
  });

  it('a reseller acting for a customer: the customer, who acts for which reseller, and the switcher', () => {
    renderWithIntl(<SessionHeader signedIn={accessOf(sessionOf('reseller.admin', 'admin', reseller), customer)} />);
    expect(chip()).toHaveTextContent('Alpha Logistik GmbH · you act as reseller.admin of Demo Reseller GmbH');
    expect(switcher()).toBeInTheDocument();
  });

  it.each(['admin', 'helpdesk', 'auditor'] as const)('a reseller %s outside any tenant (the security page) sees their own tenant and the switcher', (role) => {
    renderWithIntl(<SessionHeader signedIn={sessionOf('r.person', role, reseller)} returnTo="/security" />);
    expect(chip()).toHaveTextContent('Demo Reseller GmbH (900001.sms) · r.person');
    expect(switcher()).toBeInTheDocument();
  });

  it('the customer selection itself shows no switcher', () => {
    renderWithIntl(<SessionHeader signedIn={sessionOf('reseller.admin', 'admin', reseller)} returnTo="/customer-selection" hasCustomerSwitcher={false} />);
    expect(chip()).toHaveTextContent('Demo Reseller GmbH (900001.sms) · reseller.admin');
    expect(switcher()).not.toBeInTheDocument();
  });

  it('the language switch returns to the page it is given', () => {
    renderWithIntl(<SessionHeader signedIn={sessionOf('alice', 'admin', customer)} returnTo="/customer-selection" />);
    const returnTo = screen.getByRole('group', { name: 'Account' }).querySelector('input[name="returnTo"]');
    expect(returnTo).toHaveValue('/customer-selection');
  });
});
