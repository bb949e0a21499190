import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { hasPermission } from '@/lib/access/permissions';
import { findTenantUserLabel, listUsers, USER_SORT_KEYS, USERS_PAGE_SIZE, type TenantUserRow } from '@/lib/users/list-users';
import { readTableQuery } from '@/lib/pagination/table-query';
import { readOutcome } from '@/lib/forms/action-outcome';
import { DataTable, paginationOf, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { canGrantRole, ROLES } from '@/lib/users/role-grants';
import { createUserAction } from './actions';
import { CreateUserForm } from './_components/create-user-form';
import { UserRowActions } from './_components/user-row-actions';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';
import { ActionResult } from '@/app/_components/action-result';
import { EmailAddress } from '@/app/_components/email-address';
import { readOutcomeMessage } from '@/app/_server/action-outcome';

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('users.title') };
}

export default async function UsersPage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: Promise<SearchParams> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'users.view');
  const domain = access.actingTenant.tenantDomain;
  const query = await searchParams;
  const { sort, page: pageRequest, pageNumber } = readTableQuery(query, { pageSize: USERS_PAGE_SIZE, sortKeys: USER_SORT_KEYS });
  const outcomeTarget = readOutcome(query)?.target;
  const [page, target, t, format] = await Promise.all([
    listUsers(access, { sort, page: pageRequest }),
    outcomeTarget ? findTenantUserLabel(access, outcomeTarget) : null,
    getTranslations('users'),
    getFormatter(),
  ]);
  // The outcome of a row action names its user from the database (within this tenant), never from the address.
  const result = await readOutcomeMessage(query, 'users', () => ({ username: target?.username ?? '', role: target ? t(`roles.${target.role}`) : '' }));
  const canManage = hasPermission(access, 'users.manage');
  const canResetTwoFactor = hasPermission(access, 'users.reset_two_factor');
  const canSendReset = hasPermission(access, 'users.send_password_reset');
  const grantableRoles = ROLES.filter((role) => canGrantRole(access, role));
  const hasActions = canManage || canResetTwoFactor || canSendReset;

  const columns: DataTableColumn<TenantUserRow>[] = [
    {
      id: 'username',
      header: t('table.username'),
      sortKey: 'username',
      isRowHeader: true,
      cell: (user) => (
        <>
          {user.username} {user.isSelf ? <span>{t('you')}</span> : null}{' '}
          {user.isRspLinked ? (
            <span className="badge badge--rsp" title={t('rspHint')}>
              {t('rsp')}
              <span className="visually-hidden"> ({t('rspHint')})</span>
            </span>
          ) : null}
        </>
      ),
    },
    { id: 'email', header: t('table.email'), wrapAnywhere: true, cell: (user) => <EmailAddress address={user.email} /> },
    { id: 'role', header: t('table.role'), sortKey: 'role', cell: (user) => t(`roles.${user.role}`) },
    {
      id: 'twoFactor',
      header: t('table.twoFactor'),
      cell: (user) => (
        <>
          {t(`twoFactorStatus.${user.twoFactor}`)}
          {user.twoFactorDeadline ? (
            <span className="field__help">
              {' · '}
              {user.isTwoFactorDeadlinePassed
                ? t('twoFactorDeadlinePassed')
                : t('twoFactorDeadline', {
                    deadline: format.dateTime(new Date(user.twoFactorDeadline), { dateStyle: 'medium', timeZone: 'UTC' }),
                  })}
            </span>
          ) : null}
          {user.isActivationPending ? <span className="field__help"> · {t('activationPending')}</span> : null}
        </>
      ),
    },
    {
      id: 'lastLogin',
      header: t('table.lastLogin'),
      cell: (user) =>
        user.lastLoginAt ? format.dateTime(new Date(user.lastLoginAt), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : t('never'),
    },
    { id: 'created', header: t('table.created'), sortKey: 'created', cell: (user) => format.dateTime(new Date(user.createdAt), { dateStyle: 'medium', timeZone: 'UTC' }) },
    { id: 'status', header: t('table.status'), cell: (user) => (user.isDisabled ? t('status.disabled') : t('status.active')) },
  ];

  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p>
        {t('intro', {
          tenantName: access.actingTenant.name,
          tenantDomain: domain,
        })}
      </p>
      <ActionResult message={result} />

      <DataTable
        // Keyed by the outcome: after an action every menu is closed again.
        key={result?.key}
        caption={t('table.caption')}
        columns={columns}
        rows={page.rows}
        rowKey={(user) => user.id}
        rowAttributes={(user) => ({ 'data-username': user.username })}
        emptyMessage={t('empty')}
        path={`/tenant/${domain}/users`}
        sort={sort}
        pagination={paginationOf(page, pageNumber, USERS_PAGE_SIZE)}
        rowActions={
          hasActions
            ? {
                header: t('table.actions'),
                render: (user) => (
                  <UserRowActions user={user} tenantDomain={domain} permissions={{ canManage, canResetTwoFactor, canSendReset }} grantableRoles={grantableRoles} />
                ),
              }
            : undefined
        }
      />

      {canManage ? (
        <section aria-labelledby="create-user-heading" className="card users-create">
          <h2 id="create-user-heading">{t('create.title')}</h2>
          <p className="field__help">{t('create.help')}</p>
          <CreateUserForm action={createUserAction.bind(null, domain)} roles={grantableRoles} />
        </section>
      ) : null}
    </MainContent>
  );
}
