import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { SubmitButton } from '@/app/_components/submit-button';
import { requireTenantPermission } from '@/app/_server/request-context';
import { switchToCustomerAction } from '@/app/customer-selection/actions';
import { hasPermission } from '@/lib/access/permissions';
import { CUSTOMER_STATES, listResellerCustomers } from '@/lib/customers/list-reseller-customers';
import { parseCustomerListFilters } from '@/lib/customers/customer-list-filters';
import { CsvExportLink } from '@/app/_components/csv-export-link';
import { TableScroll } from '@/app/_components/table-scroll';
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
  const { search, state, sort } = parseCustomerListFilters(query);
  const page = Math.max(1, Number.parseInt(String(query.page ?? '1'), 10) || 1);
  const { customers, hasNextPage } = await listResellerCustomers(access, { search, state, sort, page });
  const [t, format] = await Promise.all([getTranslations('customers'), getFormatter()]);
  const canManageLicenses = hasPermission(access, 'licenses.manage');
  const base = `/tenant/${access.actingTenant.tenantDomain}/customers`;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  const pageHref = (target: number) => `?${new URLSearchParams({ q: search, ...(state ? { state } : {}), sort, page: String(target) })}`;

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
          <select id="customers-sort" name="sort" className="select" defaultValue={sort}>
            <option value="name">{t('filter.sortName')}</option>
            <option value="valid_until">{t('filter.sortValidUntil')}</option>
          </select>
        </div>
        <SubmitButton variant="secondary">{t('filter.apply')}</SubmitButton>
      </form>

      <CsvExportLink href={`${base}/export?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(state ? { state } : {}), sort })}`} label={t('export.link')} hint={t('export.hint')} />

      {customers.length === 0 ? <p className="empty-state">{t('empty')}</p> : (
        <TableScroll label={t('table.caption')}>
          <table className="data-table data-table--stack customers-table">
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">{t('table.tenantDomain')}</th>
                <th scope="col">{t('table.state')}</th>
                <th scope="col">{t('table.types')}</th>
                <th scope="col" className="data-table__number">{t('table.devices')}</th>
                <th scope="col">{t('table.validUntil')}</th>
                <th scope="col">{t('table.manage')}</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((customer) => {
                const canOpen = customer.state === 'valid' || customer.state === 'expiring';
                return (
                  <tr key={customer.id} data-customer={customer.tenantDomain}>
                    <th scope="row"><Link href={`${base}/${customer.id}`}>{customer.name}</Link></th>
                    <td data-label={t('table.tenantDomain')} className="nowrap">{customer.tenantDomain}</td>
                    <td data-label={t('table.state')}><CustomerStateText state={customer.state} daysRemaining={customer.daysRemaining} /></td>
                    <td data-label={t('table.types')}><CustomerLicenseBadges types={customer.licenseTypes} /></td>
                    <td data-label={t('table.devices')} className="data-table__number">{customer.deviceCount}</td>
                    <td data-label={t('table.validUntil')} className="nowrap">{customer.validUntil ? date(customer.validUntil) : '–'}</td>
                    <td className="data-table__actions">
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
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <nav aria-label={t('pagination.label')} className="pagination">
        {page > 1 ? <Link href={pageHref(page - 1)}>{t('pagination.previous')}</Link> : null}{' '}
        <span>{t('pagination.page', { page })}</span>{' '}
        {hasNextPage ? <Link href={pageHref(page + 1)}>{t('pagination.next')}</Link> : null}
      </nav>
    </MainContent>
  );
}
