import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { hasPermission } from '@/lib/access/permissions';
import { ConfirmActionForm } from '@/app/tenant/[tenantDomain]/users/_components/confirm-action-form';
import { listNonCompliantAdmins } from '@/lib/customers/list-two-factor-compliance';
import { sendActivationAction, sendActivationToAllAction } from './actions';
import { TableScroll } from '@/app/_components/table-scroll';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('compliance.title') };
}

export default async function CompliancePage({ params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'compliance.view');
  const [admins, t, format] = await Promise.all([listNonCompliantAdmins(access.actingTenant.id), getTranslations('compliance'), getFormatter()]);
  const domain = access.actingTenant.tenantDomain;
  const common = { confirmLabel: t('confirm'), cancelLabel: t('cancel') };
  // Auditors see the list; sending activation emails is an administrator's change.
  const canSend = hasPermission(access, 'compliance.manage');
  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {admins.length === 0 ? <p className="empty-state">{t('empty')}</p> : (
        <>
          {canSend ? (
            <ConfirmActionForm {...common} action={sendActivationToAllAction.bind(null, domain)} hiddenFields={{}} triggerLabel={t('sendAll')} question={t('confirmSendAll')} />
          ) : null}
          <TableScroll label={t('caption')}>
            <table className="data-table">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('username')}</th>
                  <th scope="col">{t('tenant')}</th>
                  <th scope="col">{t('email')}</th>
                  <th scope="col">{t('deadline')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {admins.map((admin) => (
                  <tr key={admin.userId}>
                    <th scope="row">
                      {admin.username}{' '}
                      {admin.isRspLinked ? <span className="badge badge--rsp" title={t('rspHint')}>{t('rsp')}<span className="visually-hidden"> ({t('rspHint')})</span></span> : null}
                    </th>
                    <td>{admin.tenantName} ({admin.tenantDomain})</td>
                    <td>{admin.email}</td>
                    <td className="nowrap">
                      {format.dateTime(new Date(admin.deadline), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                      {admin.isOverdue ? <span className="license-state license-state--expired"> {t('overdue')}</span> : null}
                    </td>
                    <td>
                      {admin.isRspLinked ? <span className="field__help">{t('rspHint')}</span> : !canSend ? null : (
                        <ConfirmActionForm {...common} action={sendActivationAction.bind(null, domain)} hiddenFields={{ userId: admin.userId }} triggerLabel={t('send')} question={t('confirmSend', { username: admin.username })} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </MainContent>
  );
}
