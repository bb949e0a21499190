import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { hasPermission } from '@/lib/access/permissions';
import { ActionResult } from '@/app/_components/action-result';
import { EmailAddress } from '@/app/_components/email-address';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { readOutcomeMessage } from '@/app/_server/action-outcome';
import { COMPLIANCE_PAGE_SIZE, findReachableUsername, listNonCompliantAdmins, type NonCompliantAdmin } from '@/lib/customers/list-two-factor-compliance';
import { readOutcome } from '@/lib/forms/action-outcome';
import { readTableQuery } from '@/lib/pagination/table-query';
import { DataTable, paginationOf, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { sendActivationAction, sendActivationToAllAction } from './actions';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('compliance.title') };
}

export default async function CompliancePage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'compliance.view');
  const query = await searchParams;
  const { page: pageRequest, pageNumber } = readTableQuery(query, { pageSize: COMPLIANCE_PAGE_SIZE });
  const outcomeTarget = readOutcome(query)?.target;
  const [page, targetName, t, format] = await Promise.all([
    listNonCompliantAdmins(access, { page: pageRequest }),
    outcomeTarget ? findReachableUsername(access, outcomeTarget) : null,
    getTranslations('compliance'),
    getFormatter(),
  ]);
  const domain = access.actingTenant.tenantDomain;
  const result = await readOutcomeMessage(query, 'compliance', () => ({ username: targetName ?? '' }));
  // Auditors see the list; sending activation emails is an administrator's change.
  const canSend = hasPermission(access, 'compliance.manage');
  const columns: DataTableColumn<NonCompliantAdmin>[] = [
    {
      id: 'username',
      header: t('username'),
      isRowHeader: true,
      cell: (admin) => (
        <>
          {admin.username}{' '}
          {admin.isRspLinked ? <span className="badge badge--rsp" title={t('rspHint')}>{t('rsp')}<span className="visually-hidden"> ({t('rspHint')})</span></span> : null}
        </>
      ),
    },
    { id: 'tenant', header: t('tenant'), cell: (admin) => `${admin.tenantName} (${admin.tenantDomain})` },
    { id: 'email', header: t('email'), wrapAnywhere: true, cell: (admin) => <EmailAddress address={admin.email} /> },
    {
      id: 'deadline',
      header: t('deadline'),
      cell: (admin) => (
        <>
          {format.dateTime(new Date(admin.deadline), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
          {admin.isOverdue ? <span className="license-state license-state--expired"> {t('overdue')}</span> : null}
        </>
      ),
    },
  ];
  const rowActions = (admin: NonCompliantAdmin) =>
    admin.isRspLinked ? <span className="field__help">{t('rspHint')}</span> : !canSend ? null : (
      <RowActionsMenu id={`compliance-actions-${admin.userId}`} label={t('actions')} targetName={admin.username} title={t('menuTitle', { username: admin.username })} closeLabel={t('close')}>
        <li>
          <ConfirmAction action={sendActivationAction.bind(null, domain)} hiddenFields={{ userId: admin.userId }} summary={t('send')} question={t('confirmSend', { username: admin.username })} confirmLabel={t('confirmButton')} />
        </li>
      </RowActionsMenu>
    );
  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ActionResult message={result} />
      {canSend && page.rows.length > 0 ? (
        <div key={result?.key} className="compliance-send-all">
          <ConfirmAction action={sendActivationToAllAction.bind(null, domain)} hiddenFields={{}} summary={t('sendAll')} question={t('confirmSendAll')} confirmLabel={t('confirmAllButton')} />
        </div>
      ) : null}
      <DataTable
        key={result?.key}
        caption={t('caption')}
        columns={columns}
        rows={page.rows}
        rowKey={(admin) => admin.userId}
        rowAttributes={(admin) => ({ 'data-username': admin.username })}
        emptyMessage={t('empty')}
        path={`/tenant/${domain}/compliance`}
        pagination={paginationOf(page, pageNumber, COMPLIANCE_PAGE_SIZE)}
        rowActions={{ header: t('actions'), render: rowActions }}
      />
    </MainContent>
  );
}
