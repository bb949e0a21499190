'use server';

import { z } from 'zod';
import { getRequestLocale } from '@/app/_server/request-locale';
import { tenantAction } from '@/app/_server/tenant-action';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUser } from '@/lib/users/create-user';
import { resetUserTwoFactor } from '@/lib/users/reset-user-two-factor';
import { sendUserPasswordReset } from '@/lib/users/send-user-password-reset';
import { setUserDisabled } from '@/lib/users/set-user-disabled';
import { newUserSchema, roleSchema } from '@/lib/users/user-input';

// Every rule lives in lib/users; tenantAction checks access and permission first, then parses.

const usersPage = (access: TenantAccess) => `/tenant/${access.actingTenant.tenantDomain}/users`;

export const createUserAction = tenantAction(
  { permission: 'users.manage', input: newUserSchema, form: { keep: ['username', 'email', 'role'], fieldOfRefusal: { username_taken: 'username' } }, revalidate: usersPage },
  async ({ access, data, clientAddress }) => {
    await createUser(access, { ...data, locale: await getRequestLocale(), clientAddress });
    return { status: 'success', message: 'users.messages.created' };
  },
);

const targetSchema = z.strictObject({ userId: z.uuid('users.errors.user_not_found') });
const roleChangeSchema = z.strictObject({ userId: z.uuid('users.errors.user_not_found'), role: roleSchema });

/** The row menu's actions: back to the users page with the outcome for the user, with and without JavaScript. */
const onUser = { page: usersPage, invalidInput: 'user_not_found', target: (data: { userId: string }) => data.userId };

export const disableUserAction = tenantAction({ ...onUser, permission: 'users.manage', input: targetSchema }, async ({ access, data, clientAddress }) => {
  await setUserDisabled(access, { userId: data.userId, disabled: true, clientAddress });
  return 'disabled';
});

export const enableUserAction = tenantAction({ ...onUser, permission: 'users.manage', input: targetSchema }, async ({ access, data, clientAddress }) => {
  await setUserDisabled(access, { userId: data.userId, disabled: false, clientAddress });
  return 'enabled';
});

export const changeUserRoleAction = tenantAction({ ...onUser, permission: 'users.manage', input: roleChangeSchema }, async ({ access, data, clientAddress }) => {
  await changeUserRole(access, { ...data, clientAddress });
  return 'roleChanged';
});

export const resetUserTwoFactorAction = tenantAction({ ...onUser, permission: 'users.reset_two_factor', input: targetSchema }, async ({ access, data, clientAddress }) => {
  await resetUserTwoFactor(access, { ...data, clientAddress });
  return 'twoFactorReset';
});

export const sendUserPasswordResetAction = tenantAction({ ...onUser, permission: 'users.send_password_reset', input: targetSchema }, async ({ access, data, clientAddress }) => {
  await sendUserPasswordReset(access, { ...data, clientAddress });
  return 'passwordResetSent';
});
