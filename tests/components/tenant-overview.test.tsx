import { screen, within } from '@testing-library/react';
import { TenantOverview, type TenantOverviewLicense } from '@/app/_components/tenant-overview';
import { renderWithIntl } from './intl-test-utils';

const tenant = { name: 'Acme GmbH', tenantDomain: '123456.sms', kind: 'customer' as const };

const licenses: TenantOverviewLicense[] = [
  {
    id: 'l1',
    type: 'mdm',
    deviceCount: 1250,
    validFrom: '2025-01-01T00:00:00.000Z',
    validUntil: '2026-12-31T23:59:59.000Z',
    state: 'valid',
    daysRemaining: 12,
  },
  {
    id: 'l2',
    type: 'mobile_security',
    deviceCount: 10,
    validFrom: '2024-01-01T00:00:00.000Z',
    validUntil: '2024-12-31T23:59:59.000Z',
    state: 'expired',
    daysRemaining: null,
  },
];

describe('TenantOverview', () => {
  it('lists the tenant and its licenses with type badges, state and UTC dates', () => {
    renderWithIntl(<TenantOverview tenant={tenant} licenses={licenses} />);

    expect(screen.getByRole('heading', { level: 1, name: 'Tenant overview' })).toBeInTheDocument();
    expect(screen.getByText('Acme GmbH')).toBeInTheDocument();
    expect(screen.getByText('123456.sms')).toBeInTheDocument();
    expect(screen.getByText('Customer')).toBeInTheDocument();

    const table = screen.getByRole('table');
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByText('MDM')).toHaveClass('badge');
    expect(first).toHaveTextContent('Valid, expires in 12 days');
    expect(first).toHaveTextContent('1,250');
    expect(first).toHaveTextContent('Jan 1, 2025');
    // 23:59 UTC stays on the 31st whatever the machine's time zone is.
    expect(first).toHaveTextContent('Dec 31, 2026');
    expect(within(second!).getByText('Mobile Security')).toHaveClass('badge');
    expect(second).toHaveTextContent('Expired');
  });

  it('says so when the tenant has no license', () => {
    renderWithIntl(<TenantOverview tenant={{ ...tenant, kind: 'reseller' }} licenses={[]} />);

    expect(screen.getByText('This tenant has no licenses yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('Reseller')).toBeInTheDocument();
  });

  it('formats dates and plurals in German', () => {
    renderWithIntl(<TenantOverview tenant={tenant} licenses={[{ ...licenses[0]!, daysRemaining: 1 }]} />, {
      locale: 'de',
    });

    const row = within(screen.getByRole('table')).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Gültig, läuft in 1 Tag ab');
    expect(row).toHaveTextContent('01.01.2025');
    expect(row).toHaveTextContent('1.250');
  });
});
