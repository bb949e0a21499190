import { getTranslations } from 'next-intl/server';
import type { Role } from '@/lib/access/permissions';
import type { TenantUserRow } from '@/lib/users/list-users';
import {
  changeUserRoleAction,
  disableUserAction,
  enableUserAction,
  resetUserTwoFactorAction,
  sendUserPasswordResetAction,
} from '../actions';
import { ConfirmActionForm } from './confirm-action-form';
import { RoleSelect } from './role-select';

type UserRowActionsProps = {
  user: TenantUserRow;
  tenantDomain: string;
  permissions: { canManage: boolean; canResetTwoFactor: boolean; canSendReset: boolean };
  grantableRoles: readonly Role[];
};

/** The actions the caller's role allows on one user, each with a confirmation step. */
export async function UserRowActions({ user, tenantDomain: domain, permissions, grantableRoles }: UserRowActionsProps) {
  const t = await getTranslations('users');
  const { canManage, canResetTwoFactor, canSendReset } = permissions;
  const common = { cancelLabel: t('actions.cancel'), confirmLabel: t('actions.confirm') };
  return (
    <details className="row-actions">
      <summary>
        {t('table.actions')}
        <span className="visually-hidden"> {user.username}</span>
      </summary>
      <div className="row-actions__panel">
        {canManage && !user.isSelf ? (
          <ConfirmActionForm
            {...common}
            action={(user.isDisabled ? enableUserAction : disableUserAction).bind(null, domain)}
            hiddenFields={{ userId: user.id }}
            triggerLabel={t(user.isDisabled ? 'actions.enable' : 'actions.disable')}
            question={t(user.isDisabled ? 'actions.confirmEnable' : 'actions.confirmDisable', {
              username: user.username,
            })}
            isDestructive={!user.isDisabled}
          />
        ) : null}
        {canManage ? (
          <ConfirmActionForm
            {...common}
            action={changeUserRoleAction.bind(null, domain)}
            hiddenFields={{ userId: user.id }}
            triggerLabel={t('actions.changeRole')}
            question={t('actions.confirmChangeRole', {
              username: user.username,
            })}
          >
            <RoleSelect
              label={t('actions.newRole', {
                username: user.username,
              })}
              roles={grantableRoles.map((role) => ({
                value: role,
                label: t(`roles.${role}`),
              }))}
              defaultValue={user.role}
            />
          </ConfirmActionForm>
        ) : null}
        {canResetTwoFactor && user.twoFactor === 'active' ? (
          <ConfirmActionForm
            {...common}
            action={resetUserTwoFactorAction.bind(null, domain)}
            hiddenFields={{ userId: user.id }}
            triggerLabel={t('actions.resetTwoFactor')}
            question={t('actions.confirmResetTwoFactor', {
              username: user.username,
            })}
            isDestructive
          />
        ) : null}
        {canSendReset && !user.isDisabled ? (
          <ConfirmActionForm
            {...common}
            action={sendUserPasswordResetAction.bind(null, domain)}
            hiddenFields={{ userId: user.id }}
            triggerLabel={t('actions.sendPasswordReset')}
            question={t('actions.confirmSendPasswordReset', {
              username: user.username,
            })}
          />
        ) : null}
      </div>
    </details>
  );
}
