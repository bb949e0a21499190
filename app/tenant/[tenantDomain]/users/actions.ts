'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { redirectWithOutcome } from '@/app/_server/action-outcome';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import type { Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import type { ActionOutcome } from '@/lib/forms/action-outcome';
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

/**
 * One row action of the users page: permission for the bound tenant, strict parsing, the rules
 * in lib/users, then back to the users page with the outcome (app/_server/action-outcome.ts),
 * the same with and without JavaScript.
 */
async function runOnUser<Data extends { userId: string }>(
  tenantDomain: string,
  permission: Permission,
  schema: z.ZodType<Data>,
  formData: FormData,
  operation: (access: TenantAccess, data: Data, clientAddress: string) => Promise<void>,
  doneCode: string,
): Promise<never> {
  const access = await requireTenantPermission(tenantDomain, permission);
  const usersPath = `/tenant/${access.actingTenant.tenantDomain}/users`;
  const parsed = parseForm(schema, formData, []);
  if (!parsed.ok) redirectWithOutcome(usersPath, { status: 'error', code: parsed.state.message === 'validation.unexpectedField' ? 'unexpectedField' : 'user_not_found' });
  let outcome: ActionOutcome = { status: 'success', code: doneCode, target: parsed.data.userId };
  try {
    await operation(access, parsed.data, await getClientAddress());
  } catch (error) {
    outcome = { status: 'error', code: failureCode(error), target: parsed.data.userId };
  }
  redirectWithOutcome(usersPath, outcome);
}

export async function disableUserAction(tenantDomain: string, formData: FormData): Promise<void> {
  return runOnUser(tenantDomain, 'users.manage', targetSchema, formData, (access, { userId }, clientAddress) =>
    setUserDisabled(access, { userId, disabled: true, clientAddress }), 'disabled');
}

export async function enableUserAction(tenantDomain: string, formData: FormData): Promise<void> {
  return runOnUser(tenantDomain, 'users.manage', targetSchema, formData, (access, { userId }, clientAddress) =>
    setUserDisabled(access, { userId, disabled: false, clientAddress }), 'enabled');
}

export async function changeUserRoleAction(tenantDomain: string, formData: FormData): Promise<void> {
  return runOnUser(tenantDomain, 'users.manage', roleChangeSchema, formData, (access, { userId, role }, clientAddress) =>
    changeUserRole(access, { userId, role, clientAddress }), 'roleChanged');
}

export async function resetUserTwoFactorAction(tenantDomain: string, formData: FormData): Promise<void> {
  return runOnUser(tenantDomain, 'users.reset_two_factor', targetSchema, formData, (access, { userId }, clientAddress) =>
    resetUserTwoFactor(access, { userId, clientAddress }), 'twoFactorReset');
}

export async function sendUserPasswordResetAction(tenantDomain: string, formData: FormData): Promise<void> {
  return runOnUser(tenantDomain, 'users.send_password_reset', targetSchema, formData, (access, { userId }, clientAddress) =>
    sendUserPasswordReset(access, { userId, clientAddress }), 'passwordResetSent');
}

/** A refused rule's code (users.errors.<code>); anything else is logged and shown as the generic error. */
function failureCode(error: unknown): string {
  if (error instanceof UserManagementError) return error.code;
  logger.error({ err: describeError(error) }, 'user management action failed');
  return 'unexpected';
}

function toFailure(error: unknown): FormState & { status: 'error'; message: string } {
  const code = failureCode(error);
  return { status: 'error', message: code === 'unexpected' ? 'form.genericError' : `users.errors.${code}` };
}
