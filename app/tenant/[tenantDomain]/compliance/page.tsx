import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { hasPermission } from '@/lib/access/permissions';
import { ActionResult } from '@/app/_components/action-result';
import { EmailAddress } from '@/app/_components/email-address';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { readOutcomeMessage } from '@/app/_server/action-outcome';
import { listNonCompliantAdmins } from '@/lib/customers/list-two-factor-compliance';
import { sendActivationAction, sendActivationToAllAction } from './actions';
import { TableScroll } from '@/app/_components/table-scroll';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('compliance.title') };
}

export default async function CompliancePage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'compliance.view');
  const [admins, t, format] = await Promise.all([listNonCompliantAdmins(access), getTranslations('compliance'), getFormatter()]);
  const domain = access.actingTenant.tenantDomain;
  const result = await readOutcomeMessage(await searchParams, 'compliance', (target) => ({ username: admins.find((admin) => admin.userId === target)?.username ?? '' }));
  // Auditors see the list; sending activation emails is an administrator's change.
  const canSend = hasPermission(access, 'compliance.manage');
  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ActionResult message={result} />
      {admins.length === 0 ? <p className="empty-state">{t('empty')}</p> : (
        <>
          {canSend ? (
            <div key={result?.key} className="compliance-send-all">
              <ConfirmAction action={sendActivationToAllAction.bind(null, domain)} hiddenFields={{}} summary={t('sendAll')} question={t('confirmSendAll')} confirmLabel={t('confirmAllButton')} />
            </div>
          ) : null}
          <TableScroll label={t('caption')}>
            <table key={result?.key} className="data-table data-table--stack">
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
                    <td data-label={t('tenant')}>{admin.tenantName} ({admin.tenantDomain})</td>
                    <td data-label={t('email')} className="data-table__wrap-anywhere"><EmailAddress address={admin.email} /></td>
                    <td data-label={t('deadline')}>
                      {format.dateTime(new Date(admin.deadline), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                      {admin.isOverdue ? <span className="license-state license-state--expired"> {t('overdue')}</span> : null}
                    </td>
                    <td className="data-table__actions">
                      {admin.isRspLinked ? <span className="field__help">{t('rspHint')}</span> : !canSend ? null : (
                        <RowActionsMenu id={`compliance-actions-${admin.userId}`} label={t('actions')} targetName={admin.username} title={t('menuTitle', { username: admin.username })} closeLabel={t('close')}>
                          <li>
                            <ConfirmAction action={sendActivationAction.bind(null, domain)} hiddenFields={{ userId: admin.userId }} summary={t('send')} question={t('confirmSend', { username: admin.username })} confirmLabel={t('confirmButton')} />
                          </li>
                        </RowActionsMenu>
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
