import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { hasPermission } from '@/lib/access/permissions';
import { listUsers } from '@/lib/users/list-users';
import { canGrantRole, ROLES } from '@/lib/users/role-grants';
import { createUserAction } from './actions';
import { CreateUserForm } from './_components/create-user-form';
import { UserRowActions } from './_components/user-row-actions';
import { TableScroll } from '@/app/_components/table-scroll';
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
  const [rows, t, format] = await Promise.all([listUsers(access), getTranslations('users'), getFormatter()]);
  // The outcome of a row action names its user from this page's own data, never from the address.
  const result = await readOutcomeMessage(await searchParams, 'users', (target) => {
    const user = rows.find((row) => row.id === target);
    return { username: user?.username ?? '', role: user ? t(`roles.${user.role}`) : '' };
  });
  const canManage = hasPermission(access, 'users.manage');
  const canResetTwoFactor = hasPermission(access, 'users.reset_two_factor');
  const canSendReset = hasPermission(access, 'users.send_password_reset');
  const grantableRoles = ROLES.filter((role) => canGrantRole(access, role));

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

      {rows.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <TableScroll label={t('table.caption')}>
          {/* Keyed by the outcome: after an action every menu is closed again. */}
          <table key={result?.key} className="data-table data-table--stack users-table">
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.username')}</th>
                <th scope="col">{t('table.email')}</th>
                <th scope="col">{t('table.role')}</th>
                <th scope="col">{t('table.twoFactor')}</th>
                <th scope="col">{t('table.lastLogin')}</th>
                <th scope="col">{t('table.status')}</th>
                {canManage || canResetTwoFactor || canSendReset ? <th scope="col">{t('table.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id} data-username={user.username}>
                  <th scope="row">
                    {user.username} {user.isSelf ? <span>{t('you')}</span> : null}{' '}
                    {user.isRspLinked ? (
                      <span className="badge badge--rsp" title={t('rspHint')}>
                        {t('rsp')}
                        <span className="visually-hidden"> ({t('rspHint')})</span>
                      </span>
                    ) : null}
                  </th>
                  <td data-label={t('table.email')} className="data-table__wrap-anywhere"><EmailAddress address={user.email} /></td>
                  <td data-label={t('table.role')}>{t(`roles.${user.role}`)}</td>
                  <td data-label={t('table.twoFactor')}>
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
                  </td>
                  <td data-label={t('table.lastLogin')}>
                    {user.lastLoginAt
                      ? format.dateTime(new Date(user.lastLoginAt), {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                          timeZone: 'UTC',
                        }) + ' UTC'
                      : t('never')}
                  </td>
                  <td data-label={t('table.status')}>{user.isDisabled ? t('status.disabled') : t('status.active')}</td>
                  {canManage || canResetTwoFactor || canSendReset ? (
                    <td className="data-table__actions">
                      <UserRowActions
                        user={user}
                        tenantDomain={domain}
                        permissions={{ canManage, canResetTwoFactor, canSendReset }}
                        grantableRoles={grantableRoles}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

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
