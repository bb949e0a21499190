import { getTranslations } from 'next-intl/server';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import type { Role } from '@/db/schema';
import type { TenantUserRow } from '@/lib/users/list-users';
import {
  changeUserRoleAction,
  disableUserAction,
  enableUserAction,
  resetUserTwoFactorAction,
  sendUserPasswordResetAction,
} from '../actions';
import { RoleSelect } from './role-select';

type UserRowActionsProps = {
  user: TenantUserRow;
  tenantDomain: string;
  permissions: { canManage: boolean; canResetTwoFactor: boolean; canSendReset: boolean };
  grantableRoles: readonly Role[];
};

/** The actions the caller's role allows on one user: a menu, each action with its confirmation. */
export async function UserRowActions({ user, tenantDomain: domain, permissions, grantableRoles }: UserRowActionsProps) {
  const t = await getTranslations('users');
  const { canManage, canResetTwoFactor, canSendReset } = permissions;
  const username = { username: user.username };
  const hiddenFields = { userId: user.id };
  const items = [
    canManage ? (
      <li key="role">
        <ConfirmAction
          action={changeUserRoleAction.bind(null, domain)}
          hiddenFields={hiddenFields}
          summary={t('actions.changeRole')}
          question={t('actions.confirmChangeRole', username)}
          confirmLabel={t('actions.confirmButton.changeRole')}
        >
          <RoleSelect
            label={t('actions.newRole', username)}
            roles={grantableRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            defaultValue={user.role}
          />
        </ConfirmAction>
      </li>
    ) : null,
    canSendReset && !user.isDisabled ? (
      <li key="password-reset">
        <ConfirmAction
          action={sendUserPasswordResetAction.bind(null, domain)}
          hiddenFields={hiddenFields}
          summary={t('actions.sendPasswordReset')}
          question={t('actions.confirmSendPasswordReset', username)}
          confirmLabel={t('actions.confirmButton.sendPasswordReset')}
        />
      </li>
    ) : null,
    canResetTwoFactor && user.twoFactor === 'active' ? (
      <li key="two-factor">
        <ConfirmAction
          action={resetUserTwoFactorAction.bind(null, domain)}
          hiddenFields={hiddenFields}
          summary={t('actions.resetTwoFactor')}
          question={t('actions.confirmResetTwoFactor', username)}
          confirmLabel={t('actions.confirmButton.resetTwoFactor')}
          isDestructive
        />
      </li>
    ) : null,
    canManage && !user.isSelf ? (
      <li key="disable">
        <ConfirmAction
          action={(user.isDisabled ? enableUserAction : disableUserAction).bind(null, domain)}
          hiddenFields={hiddenFields}
          summary={t(user.isDisabled ? 'actions.enable' : 'actions.disable')}
          question={t(user.isDisabled ? 'actions.confirmEnable' : 'actions.confirmDisable', username)}
          confirmLabel={t(user.isDisabled ? 'actions.confirmButton.enable' : 'actions.confirmButton.disable')}
          isDestructive={!user.isDisabled}
        />
      </li>
    ) : null,
  ].filter(Boolean);
  if (items.length === 0) return <span className="field__help">{t('actions.none')}</span>;
  return (
    <RowActionsMenu
      id={`user-actions-${user.id}`}
      label={t('table.actions')}
      targetName={user.username}
      title={t('actions.menuTitle', username)}
      closeLabel={t('actions.close')}
    >
      {items}
    </RowActionsMenu>
  );
}
