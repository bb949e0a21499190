import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { listExpiringLicenses } from '@/lib/customers/list-expiring-licenses';
import { TableScroll } from '@/app/_components/table-scroll';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('customers.expiring.title') };
}

export default async function ExpiringLicensesPage({ params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'customers.view');
  const [rows, t, format] = await Promise.all([listExpiringLicenses(access), getTranslations('customers'), getFormatter()]);
  return (
    <MainContent className="page">
      <h1>{t('expiring.title')}</h1>
      <p>{t('expiring.intro')}</p>
      <p><Link href={`/tenant/${access.actingTenant.tenantDomain}/customers`}>{t('expiring.back')}</Link></p>
      {rows.length === 0 ? <p className="empty-state">{t('expiring.empty')}</p> : (
        <TableScroll label={t('expiring.title')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('expiring.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">{t('table.tenantDomain')}</th>
                <th scope="col">{t('table.types')}</th>
                <th scope="col" className="data-table__number">{t('table.devices')}</th>
                <th scope="col">{t('table.validUntil')}</th>
                <th scope="col">{t('table.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.customerName}</th>
                  <td className="nowrap">{row.customerTenantDomain}</td>
                  <td><span className={`badge badge--${row.type === 'mdm' ? 'mdm' : 'mobile-security'}`}>{t(`licenseType.${row.type}`)}</span></td>
                  <td className="data-table__number">{row.deviceCount}</td>
                  <td className="nowrap">{format.dateTime(new Date(row.validUntil), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</td>
                  <td><span className="license-state license-state--expiring">{t('state.expiring', { days: row.daysRemaining })}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </MainContent>
  );
}
