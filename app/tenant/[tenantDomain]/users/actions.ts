'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import type { Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { isLocale } from '@/lib/i18n/locales';
import { describeError, logger } from '@/lib/logging/logger';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUser } from '@/lib/users/create-user';
import { resetUserTwoFactor } from '@/lib/users/reset-user-two-factor';
import { sendUserPasswordReset } from '@/lib/users/send-user-password-reset';
import { setUserDisabled } from '@/lib/users/set-user-disabled';
import { UserManagementError } from '@/lib/users/user-errors';
import { newUserSchema, roleSchema } from '@/lib/users/user-input';

// Server actions are public endpoints: each one re-checks access and permission for the
// tenant domain it is bound to, parses strictly, and leaves every rule to lib/users.

type CreateUserField = 'username' | 'email' | 'role';

export async function createUserAction(tenantDomain: string, _previous: FormState<CreateUserField>, formData: FormData): Promise<FormState<CreateUserField>> {
  const access = await requireTenantPermission(tenantDomain, 'users.manage');
  const parsed = parseForm(newUserSchema, formData, ['username', 'email', 'role'] as const);
  if (!parsed.ok) return parsed.state;
  const values = { username: parsed.data.username, email: parsed.data.email, role: parsed.data.role };
  const locale = await getLocale();
  try {
    await createUser(access, { ...parsed.data, locale: isLocale(locale) ? locale : 'en', clientAddress: await getClientAddress() });
  } catch (error) {
    const failure = toFailure(error);
    if (failure.message === 'users.errors.username_taken') return { ...failure, fieldErrors: { username: [failure.message] }, values };
    return { ...failure, values };
  }
  revalidatePath(`/tenant/${access.actingTenant.tenantDomain}/users`);
  return { status: 'success', message: 'users.messages.created' };
}

const targetSchema = z.strictObject({ userId: z.uuid('users.errors.user_not_found') });
const roleChangeSchema = z.strictObject({ userId: z.uuid('users.errors.user_not_found'), role: roleSchema });

async function runOnUser<Data>(
  tenantDomain: string,
  permission: Permission,
  schema: z.ZodType<Data>,
  formData: FormData,
  operation: (access: TenantAccess, data: Data, clientAddress: string) => Promise<void>,
  successMessage: string,
): Promise<FormState> {
  const access = await requireTenantPermission(tenantDomain, permission);
  const parsed = parseForm(schema, formData, []);
  if (!parsed.ok) return { status: 'error', message: parsed.state.message };
  try {
    await operation(access, parsed.data, await getClientAddress());
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath(`/tenant/${access.actingTenant.tenantDomain}/users`);
  return { status: 'success', message: successMessage };
}

export async function disableUserAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runOnUser(tenantDomain, 'users.manage', targetSchema, formData, (access, { userId }, clientAddress) =>
    setUserDisabled(access, { userId, disabled: true, clientAddress }), 'users.messages.disabled');
}

export async function enableUserAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runOnUser(tenantDomain, 'users.manage', targetSchema, formData, (access, { userId }, clientAddress) =>
    setUserDisabled(access, { userId, disabled: false, clientAddress }), 'users.messages.enabled');
}

export async function changeUserRoleAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runOnUser(tenantDomain, 'users.manage', roleChangeSchema, formData, (access, { userId, role }, clientAddress) =>
    changeUserRole(access, { userId, role, clientAddress }), 'users.messages.roleChanged');
}

export async function resetUserTwoFactorAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runOnUser(tenantDomain, 'users.reset_two_factor', targetSchema, formData, (access, { userId }, clientAddress) =>
    resetUserTwoFactor(access, { userId, clientAddress }), 'users.messages.twoFactorReset');
}

export async function sendUserPasswordResetAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return runOnUser(tenantDomain, 'users.send_password_reset', targetSchema, formData, (access, { userId }, clientAddress) =>
    sendUserPasswordReset(access, { userId, clientAddress }), 'users.messages.passwordResetSent');
}

function toFailure(error: unknown): FormState & { status: 'error'; message: string } {
  if (error instanceof UserManagementError) return { status: 'error', message: `users.errors.${error.code}` };
  logger.error({ err: describeError(error) }, 'user management action failed');
  return { status: 'error', message: 'form.genericError' };
}
