import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { ConfirmActionForm } from '@/app/tenant/[tenantDomain]/users/_components/confirm-action-form';
import { hasPermission } from '@/lib/access/permissions';
import { listCustomerLicenses } from '@/lib/customers/list-customer-licenses';
import { CUSTOMER_STATES, listResellerCustomers, type CustomerLicenseState } from '@/lib/customers/list-reseller-customers';
import { normaliseSearchTerm } from '@/lib/switcher/search-term';
import { createLicenseAction, editCustomerAction, extendLicenseAction, revokeLicenseAction } from './actions';
import { CreateLicenseDialog } from './_components/create-license-dialog';
import { InlineActionForm } from './_components/inline-action-form';
import { TableScroll } from '@/app/_components/table-scroll';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('customers.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export default async function CustomersPage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: SearchParams }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'customers.view');
  const query = await searchParams;
  const search = normaliseSearchTerm(query.q);
  const state = CUSTOMER_STATES.find((value) => value === query.state) as CustomerLicenseState | undefined;
  const sort = query.sort === 'valid_until' ? 'valid_until' : 'name';
  const page = Math.max(1, Number.parseInt(String(query.page ?? '1'), 10) || 1);
  const { customers, hasNextPage } = await listResellerCustomers({ resellerTenantId: access.actingTenant.id, search, state, sort, page });
  const [licenses, t, format] = await Promise.all([
    listCustomerLicenses(access.actingTenant.id, customers.map((customer) => customer.id)),
    getTranslations('customers'),
    getFormatter(),
  ]);
  const canManageLicenses = hasPermission(access, 'licenses.manage');
  const canManageCustomers = hasPermission(access, 'customers.manage');
  const domain = access.actingTenant.tenantDomain;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  const pageHref = (target: number) => `?${new URLSearchParams({ q: search, ...(state ? { state } : {}), sort, page: String(target) })}`;
  const now = new Date();

  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p>
        <Link href={`/tenant/${domain}/customers/expiring`}>{t('expiring.link')}</Link>
      </p>
      {canManageLicenses ? (
        <CreateLicenseDialog action={createLicenseAction.bind(null, domain)} customers={customers} today={isoDay(now)} defaultValidUntil={isoDay(new Date(now.getTime() + 365 * DAY_MS))} />
      ) : null}

      <form method="get" className="customers-filter" role="search" aria-label={t('filter.label')}>
        <label htmlFor="customers-q" className="field__label">{t('filter.search')}</label>
        <input id="customers-q" name="q" type="search" className="input" defaultValue={search} />
        <label htmlFor="customers-state" className="field__label">{t('filter.state')}</label>
        <select id="customers-state" name="state" className="select" defaultValue={state ?? ''}>
          <option value="">{t('filter.allStates')}</option>
          {CUSTOMER_STATES.map((value) => <option key={value} value={value}>{t(`filter.stateOptions.${value}`)}</option>)}
        </select>
        <label htmlFor="customers-sort" className="field__label">{t('filter.sort')}</label>
        <select id="customers-sort" name="sort" className="select" defaultValue={sort}>
          <option value="name">{t('filter.sortName')}</option>
          <option value="valid_until">{t('filter.sortValidUntil')}</option>
        </select>
        <button type="submit" className="button button--secondary">{t('filter.apply')}</button>
      </form>

      {customers.length === 0 ? <p className="empty-state">{t('empty')}</p> : (
        <TableScroll label={t('table.caption')}>
          <table className="data-table customers-table">
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
              {customers.map((customer) => (
                <tr key={customer.id} data-customer={customer.tenantDomain}>
                  <th scope="row">{customer.name}</th>
                  <td className="nowrap">{customer.tenantDomain}</td>
                  <td>
                    <span className={`license-state license-state--${customer.state === 'expiring' ? 'expiring' : customer.state === 'none' ? 'expired' : customer.state}`}>
                      {t(`state.${customer.state}`, { days: customer.daysRemaining ?? 0 })}
                    </span>
                  </td>
                  <td>{customer.licenseTypes.map((type) => <span key={type} className={`badge badge--${type === 'mdm' ? 'mdm' : 'mobile-security'}`}>{t(`licenseType.${type}`)}</span>)}</td>
                  <td className="data-table__number">{customer.deviceCount}</td>
                  <td className="nowrap">{customer.validUntil ? date(customer.validUntil) : '–'}</td>
                  <td>
                    <details>
                      <summary>{t('manage.summary', { name: customer.name })}</summary>
                      <ul className="customer-licenses">
                        {licenses.filter((license) => license.customerId === customer.id).map((license) => (
                          <li key={license.id}>
                            {t(`licenseType.${license.type}`)} · {t('manage.devices', { count: license.deviceCount })} · {date(license.validFrom)} – {date(license.validUntil)} · {t(`licenseState.${license.state}`)}{' '}
                            <code>{license.licenseKey}</code>
                            {canManageLicenses && license.state !== 'revoked' ? (
                              <>
                                <InlineActionForm action={extendLicenseAction.bind(null, domain)} hiddenFields={{ licenseId: license.id }} submitLabel={t('manage.extend')}>
                                  <label htmlFor={`extend-${license.id}`} className="field__label">{t('manage.newValidUntil')}</label>
                                  <input id={`extend-${license.id}`} name="validUntil" type="date" className="input" required defaultValue={isoDay(new Date(new Date(license.validUntil).getTime() + 365 * DAY_MS))} />
                                </InlineActionForm>
                                <ConfirmActionForm
                                  action={revokeLicenseAction.bind(null, domain)}
                                  hiddenFields={{ licenseId: license.id }}
                                  triggerLabel={t('manage.revoke')}
                                  question={t('manage.confirmRevoke', { name: customer.name })}
                                  confirmLabel={t('manage.confirmRevokeButton')}
                                  cancelLabel={t('actions.cancel')}
                                  isDestructive
                                />
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                      {canManageCustomers ? (
                        <InlineActionForm action={editCustomerAction.bind(null, domain)} hiddenFields={{ customerId: customer.id }} submitLabel={t('manage.save')}>
                          <label htmlFor={`name-${customer.id}`} className="field__label">{t('manage.name')}</label>
                          <input id={`name-${customer.id}`} name="name" className="input" required maxLength={200} defaultValue={customer.name} />
                          <label htmlFor={`email-${customer.id}`} className="field__label">{t('manage.contactEmail')}</label>
                          <input id={`email-${customer.id}`} name="contactEmail" type="email" className="input" required defaultValue={customer.contactEmail ?? ''} />
                        </InlineActionForm>
                      ) : null}
                    </details>
                  </td>
                </tr>
              ))}
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
