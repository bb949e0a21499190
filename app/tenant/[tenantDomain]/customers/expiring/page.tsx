import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { EXPIRING_PAGE_SIZE, listExpiringLicenses, type ExpiringLicense } from '@/lib/customers/list-expiring-licenses';
import { readPageNumber, readPageRequest } from '@/lib/pagination/keyset';
import { DataTable, paginationOf, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('customers.expiring.title') };
}

export default async function ExpiringLicensesPage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'customers.view');
  const query = await searchParams;
  const [page, t, format] = await Promise.all([listExpiringLicenses(access, { page: readPageRequest(query, EXPIRING_PAGE_SIZE) }), getTranslations('customers'), getFormatter()]);
  const base = `/tenant/${access.actingTenant.tenantDomain}/customers`;
  const columns: DataTableColumn<ExpiringLicense>[] = [
    { id: 'name', header: t('table.name'), isRowHeader: true, cell: (row) => row.customerName },
    { id: 'tenantDomain', header: t('table.tenantDomain'), cell: (row) => <span className="nowrap">{row.customerTenantDomain}</span> },
    { id: 'type', header: t('table.types'), cell: (row) => <span className={`badge badge--${row.type === 'mdm' ? 'mdm' : 'mobile-security'}`}>{t(`licenseType.${row.type}`)}</span> },
    { id: 'devices', header: t('table.devices'), isNumeric: true, cell: (row) => row.deviceCount },
    { id: 'validUntil', header: t('table.validUntil'), cell: (row) => <span className="nowrap">{format.dateTime(new Date(row.validUntil), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</span> },
    { id: 'state', header: t('table.state'), cell: (row) => <span className="license-state license-state--expiring">{t('state.expiring', { days: row.daysRemaining })}</span> },
  ];
  return (
    <MainContent className="page">
      <h1>{t('expiring.title')}</h1>
      <p>{t('expiring.intro')}</p>
      <p><Link href={base}>{t('expiring.back')}</Link></p>
      <DataTable
        caption={t('expiring.title')}
        columns={columns}
        rows={page.rows}
        rowKey={(row) => row.id}
        emptyMessage={t('expiring.empty')}
        path={`${base}/expiring`}
        pagination={paginationOf(page, readPageNumber(query.page), EXPIRING_PAGE_SIZE)}
      />
    </MainContent>
  );
}
