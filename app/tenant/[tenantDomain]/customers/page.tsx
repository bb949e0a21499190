import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { SubmitButton } from '@/app/_components/submit-button';
import { requireTenantPermission } from '@/app/_server/request-context';
import { switchToCustomerAction } from '@/app/customer-selection/actions';
import { hasPermission } from '@/lib/access/permissions';
import { CUSTOMER_STATES, CUSTOMERS_PAGE_SIZE, listResellerCustomers, type ResellerCustomerRow } from '@/lib/customers/list-reseller-customers';
import { readTableQuery } from '@/lib/pagination/table-query';
import { DataTable, paginationOf, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { tableHref } from '@/app/_components/data-table/table-href';
import { parseCustomerListFilters } from '@/lib/customers/customer-list-filters';
import { CsvExportLink } from '@/app/_components/csv-export-link';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';
import { CustomerLicenseBadges, CustomerStateText } from './_components/customer-license-state';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('customers.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CustomersPage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: SearchParams }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'customers.view');
  const query = await searchParams;
  // The sort comes with the filters: the CSV export reads them alike.
  const { search, state, sort } = parseCustomerListFilters(query);
  const { page: pageRequest, pageNumber } = readTableQuery(query, { pageSize: CUSTOMERS_PAGE_SIZE });
  const page = await listResellerCustomers(access, { search, state, sort, page: pageRequest });
  const [t, format] = await Promise.all([getTranslations('customers'), getFormatter()]);
  const canManageLicenses = hasPermission(access, 'licenses.manage');
  const base = `/tenant/${access.actingTenant.tenantDomain}/customers`;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  const filters = { q: search || undefined, state };

  const columns: DataTableColumn<ResellerCustomerRow>[] = [
    { id: 'name', header: t('table.name'), sortKey: 'name', isRowHeader: true, cell: (customer) => <Link href={`${base}/${customer.id}`}>{customer.name}</Link> },
    { id: 'tenantDomain', header: t('table.tenantDomain'), sortKey: 'tenant_domain', cell: (customer) => <span className="nowrap">{customer.tenantDomain}</span> },
    { id: 'state', header: t('table.state'), cell: (customer) => <CustomerStateText state={customer.state} daysRemaining={customer.daysRemaining} /> },
    { id: 'types', header: t('table.types'), cell: (customer) => <CustomerLicenseBadges types={customer.licenseTypes} /> },
    { id: 'devices', header: t('table.devices'), isNumeric: true, cell: (customer) => customer.deviceCount },
    { id: 'validUntil', header: t('table.validUntil'), sortKey: 'valid_until', cell: (customer) => <span className="nowrap">{customer.validUntil ? date(customer.validUntil) : '–'}</span> },
  ];
  const rowActions = (customer: ResellerCustomerRow) => {
    const canOpen = customer.state === 'valid' || customer.state === 'expiring';
    return (
      <RowActionsMenu id={`customer-actions-${customer.id}`} label={t('table.manage')} targetName={customer.name} title={t('table.menuTitle', { name: customer.name })} closeLabel={t('table.close')}>
        <li><Link href={`${base}/${customer.id}`} className="row-actions__link">{t('table.open')}</Link></li>
        {canManageLicenses ? <li><Link href={`${base}/new-license?customer=${customer.id}`} className="row-actions__link">{t('table.createLicense')}</Link></li> : null}
        {canOpen ? (
          <li>
            <form action={switchToCustomerAction} className="row-actions__form">
              <input type="hidden" name="tenantDomain" value={customer.tenantDomain} />
              <SubmitButton variant="secondary" className="button--small">{t('table.openTenant')}</SubmitButton>
            </form>
          </li>
        ) : null}
      </RowActionsMenu>
    );
  };

  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <div className="page-actions">
        {canManageLicenses ? (
          <Link href={`${base}/new-license`} className="button button--primary">
            {t('create.open')}
          </Link>
        ) : null}
        <Link href={`${base}/expiring`}>{t('expiring.link')}</Link>
        {/* The export (a route handler next to this page) takes the filters on screen. */}
        <CsvExportLink href={tableHref(`${base}/export`, { ...filters, sort: sort.key, dir: sort.direction })} label={t('export.link')} hint={t('export.hint')} />
      </div>

      {/* A GET form: Enter searches, and the filters live in the address (bookmarkable, no script). */}
      <form method="get" action={base} className="customers-filter" role="search" aria-label={t('filter.label')}>
        <div className="field">
          <label htmlFor="customers-q" className="field__label">{t('filter.search')}</label>
          <input id="customers-q" name="q" type="search" className="input" defaultValue={search} />
        </div>
        <div className="field">
          <label htmlFor="customers-state" className="field__label">{t('filter.state')}</label>
          <select id="customers-state" name="state" className="select" defaultValue={state ?? ''}>
            <option value="">{t('filter.allStates')}</option>
            {CUSTOMER_STATES.map((value) => <option key={value} value={value}>{t(`filter.stateOptions.${value}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="customers-sort" className="field__label">{t('filter.sort')}</label>
          <select id="customers-sort" name="sort" className="select" defaultValue={sort.key}>
            <option value="name">{t('filter.sortName')}</option>
            <option value="tenant_domain">{t('filter.sortTenantDomain')}</option>
            <option value="valid_until">{t('filter.sortValidUntil')}</option>
          </select>
        </div>
        <input type="hidden" name="dir" value={sort.direction} />
        <SubmitButton variant="secondary">{t('filter.apply')}</SubmitButton>
      </form>

      <DataTable
        caption={t('table.caption')}
        columns={columns}
        rows={page.customers}
        rowKey={(customer) => customer.id}
        rowAttributes={(customer) => ({ 'data-customer': customer.tenantDomain })}
        emptyMessage={t('empty')}
        path={base}
        query={filters}
        sort={sort}
        pagination={paginationOf(page, pageNumber, CUSTOMERS_PAGE_SIZE)}
        rowActions={{ header: t('table.manage'), render: rowActions }}
      />
    </MainContent>
  );
}
