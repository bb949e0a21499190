import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { TableScroll } from '@/app/_components/table-scroll';
import { hasPermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import type { CustomerLicense } from '@/lib/customers/list-customer-licenses';
import { extendLicenseAction, revokeLicenseAction } from '../actions';

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

type CustomerLicensesProps = {
  /** The reseller acting in its own tenant. */
  access: TenantAccess;
  customer: { id: string; name: string };
  licenses: CustomerLicense[];
};

/** The licenses this reseller sold to one customer, each with extend and revoke in its menu. */
export async function CustomerLicenses({ access, customer, licenses }: CustomerLicensesProps) {
  const [t, format] = await Promise.all([getTranslations('customers'), getFormatter()]);
  const domain = access.actingTenant.tenantDomain;
  const canManage = hasPermission(access, 'licenses.manage');
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
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
      {licenses.length === 0 ? (
        <p className="empty-state">{t('detail.noLicenses')}</p>
      ) : (
        <TableScroll label={t('detail.licensesCaption', { name: customer.name })}>
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">{t('detail.licensesCaption', { name: customer.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.types')}</th>
                <th scope="col">{t('table.devices')}</th>
                <th scope="col">{t('detail.validity')}</th>
                <th scope="col">{t('table.state')}</th>
                <th scope="col">{t('detail.licenseKey')}</th>
                {canManage ? <th scope="col">{t('table.manage')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {licenses.map((license) => {
                const type = t(`licenseType.${license.type}`);
                const isChangeable = canManage && license.state !== 'revoked';
                return (
                  <tr key={license.id} data-license={license.id}>
                    <th scope="row">{type}</th>
                    <td data-label={t('table.devices')}>{t('manage.devices', { count: license.deviceCount })}</td>
                    <td data-label={t('detail.validity')}>{date(license.validFrom)} – {date(license.validUntil)}</td>
                    <td data-label={t('table.state')}>{t(`licenseState.${license.state}`)}</td>
                    <td data-label={t('detail.licenseKey')}><code className="data-table__wrap-anywhere">{license.licenseKey}</code></td>
                    {canManage ? (
                      <td className="data-table__actions">
                        {isChangeable ? (
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
                        ) : (
                          '–'
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
