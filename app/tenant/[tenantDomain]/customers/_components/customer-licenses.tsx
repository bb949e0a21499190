import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { DataTable, paginationOf, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { hasPermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { CUSTOMER_LICENSES_PAGE_SIZE, type CustomerLicense } from '@/lib/customers/list-customer-licenses';
import type { KeysetPage } from '@/lib/pagination/keyset';
import { extendLicenseAction, revokeLicenseAction } from '../actions';

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

type CustomerLicensesProps = {
  /** The reseller acting in its own tenant. */
  access: TenantAccess;
  customer: { id: string; name: string };
  licenses: KeysetPage<CustomerLicense>;
  pageNumber: number;
};

/** The licenses this reseller sold to one customer, each with extend and revoke in its menu. */
export async function CustomerLicenses({ access, customer, licenses, pageNumber }: CustomerLicensesProps) {
  const [t, format] = await Promise.all([getTranslations('customers'), getFormatter()]);
  const domain = access.actingTenant.tenantDomain;
  const canManage = hasPermission(access, 'licenses.manage');
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  const columns: DataTableColumn<CustomerLicense>[] = [
    { id: 'type', header: t('table.types'), isRowHeader: true, cell: (license) => t(`licenseType.${license.type}`) },
    { id: 'devices', header: t('table.devices'), cell: (license) => t('manage.devices', { count: license.deviceCount }) },
    { id: 'validity', header: t('detail.validity'), cell: (license) => `${date(license.validFrom)} – ${date(license.validUntil)}` },
    { id: 'state', header: t('table.state'), cell: (license) => t(`licenseState.${license.state}`) },
    { id: 'licenseKey', header: t('detail.licenseKey'), wrapAnywhere: true, cell: (license) => <code>{license.licenseKey}</code> },
  ];
  const rowActions = (license: CustomerLicense) => {
    const type = t(`licenseType.${license.type}`);
    if (license.state === 'revoked') return '–';
    return (
      <RowActionsMenu id={`license-actions-${license.id}`} label={t('table.manage')} targetName={`${type} ${license.licenseKey}`} title={t('manage.menuTitle', { type })} closeLabel={t('manage.close')}>
        <li>
          <ConfirmAction
            action={extendLicenseAction.bind(null, domain, customer.id)}
            hiddenFields={{ licenseId: license.id }}
            summary={t('manage.extend')}
            question={t('manage.confirmExtend', { type, name: customer.name })}
            confirmLabel={t('manage.confirmExtendButton')}
          >
            <div className="field">
              <label htmlFor={`extend-${license.id}`} className="field__label">{t('manage.newValidUntil')}</label>
              <input id={`extend-${license.id}`} name="validUntil" type="date" className="input" required defaultValue={isoDay(new Date(new Date(license.validUntil).getTime() + 365 * DAY_MS))} />
            </div>
          </ConfirmAction>
        </li>
        <li>
          <ConfirmAction
            action={revokeLicenseAction.bind(null, domain, customer.id)}
            hiddenFields={{ licenseId: license.id }}
            summary={t('manage.revoke')}
            question={t('manage.confirmRevoke', { type, name: customer.name })}
            confirmLabel={t('manage.confirmRevokeButton')}
            isDestructive
          />
        </li>
      </RowActionsMenu>
    );
  };
  return (
    <section aria-labelledby="customer-licenses">
      <h2 id="customer-licenses">{t('detail.licenses')}</h2>
      {canManage ? (
        <p>
          <Link href={`/tenant/${domain}/customers/new-license?customer=${customer.id}`} className="button button--secondary">
            {t('detail.createLicense')}
          </Link>
        </p>
      ) : null}
      <DataTable
        caption={t('detail.licensesCaption', { name: customer.name })}
        columns={columns}
        rows={licenses.rows}
        rowKey={(license) => license.id}
        rowAttributes={(license) => ({ 'data-license': license.id })}
        emptyMessage={t('detail.noLicenses')}
        path={`/tenant/${domain}/customers/${customer.id}`}
        pagination={paginationOf(licenses, pageNumber, CUSTOMER_LICENSES_PAGE_SIZE)}
        rowActions={canManage ? { header: t('table.manage'), render: rowActions } : undefined}
      />
    </section>
  );
}
