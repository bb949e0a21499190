'use server';

import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { redirectWithOutcome } from '@/app/_server/action-outcome';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { CustomerManagementError } from '@/lib/customers/customer-errors';
import { isUuid } from '@/lib/uuid';
import { updateCustomer } from '@/lib/customers/update-customer';
import type { ActionOutcome } from '@/lib/forms/action-outcome';
import type { FormState } from '@/lib/forms/form-state';
import { formDataToObject, parseForm, pickValues } from '@/lib/forms/parse-form';
import { isLocale } from '@/lib/i18n/locales';
import { extendLicense, revokeLicense } from '@/lib/customers/change-license';
import { createLicense } from '@/lib/customers/create-license';
import { createLicenseSchema, editCustomerSchema, extendLicenseSchema, licenseTargetSchema } from '@/lib/customers/license-input';
import { describeError, logger } from '@/lib/logging/logger';
import { createUser } from '@/lib/users/create-user';
import { UserManagementError } from '@/lib/users/user-errors';
import { emailSchema, usernameSchema } from '@/lib/users/user-input';

// Public endpoints: each re-checks the reseller's tenant and permission, parses strictly and
// leaves ownership (another reseller's ids → not found + authz_denied) to lib/. Forms with typed
// input answer errors in place (useActionState); every success, and every row action, ends on
// the customer's page with its outcome (app/_server/action-outcome.ts).

const CREATE_FIELDS = ['customerMode', 'customerId', 'customerName', 'contactEmail', 'type', 'deviceCount', 'validFrom', 'validUntil'] as const;
type CreateField = (typeof CREATE_FIELDS)[number];

/** A refused rule's code (customers.errors.<code>); anything else is logged and shown as the generic error. */
function failureCode(error: unknown): string {
  if (error instanceof CustomerManagementError || error instanceof UserManagementError) return error.code;
  logger.error({ event: 'customers.action_failed', err: describeError(error) }, 'customer action failed');
  return 'unexpected';
}

function toFailure<Field extends string>(error: unknown): FormState<Field> {
  const code = failureCode(error);
  if (code === 'unexpected') return { status: 'error', message: 'form.genericError' };
  return { status: 'error', message: error instanceof UserManagementError ? `users.errors.${code}` : `customers.errors.${code}` };
}

const customerPath = (access: TenantAccess, customerId: string) => `/tenant/${access.actingTenant.tenantDomain}/customers/${customerId}`;

/** "Create license", for a new customer (with a new tenant) or an existing one; then the customer's page. */
export async function createLicenseAction(tenantDomain: string, _previous: FormState<CreateField>, formData: FormData): Promise<FormState<CreateField>> {
  const access = await requireTenantPermission(tenantDomain, 'licenses.manage');
  const parsed = parseForm(createLicenseSchema, formData, CREATE_FIELDS);
  if (!parsed.ok) return parsed.state;
  let created: Awaited<ReturnType<typeof createLicense>>;
  try {
    created = await createLicense(access, { ...parsed.data, clientAddress: await getClientAddress() });
  } catch (error) {
    return { ...toFailure<CreateField>(error), values: pickValues(formDataToObject(formData), CREATE_FIELDS) };
  }
  redirectWithOutcome(customerPath(access, created.customerId), {
    status: 'success',
    code: created.isNewCustomer ? 'customerCreated' : 'licenseCreated',
    target: created.licenseId,
  });
}

/** Extend and revoke come from a license's menu on the customer's page and return there. */
async function changeLicenseFromMenu<Schema extends z.ZodType<{ licenseId: string }>>(
  input: { tenantDomain: string; customerId: string; formData: FormData; schema: Schema; doneCode: string },
  change: (access: TenantAccess, data: z.infer<Schema>, clientAddress: string) => Promise<void>,
): Promise<never> {
  const access = await requireTenantPermission(input.tenantDomain, 'licenses.manage');
  // Only the way back: the page re-checks that the customer is this reseller's.
  const back = isUuid(input.customerId) ? customerPath(access, input.customerId) : `/tenant/${access.actingTenant.tenantDomain}/customers`;
  const parsed = parseForm(input.schema, input.formData, []);
  if (!parsed.ok) redirectWithOutcome(back, { status: 'error', code: parsed.state.fieldErrors && 'validUntil' in parsed.state.fieldErrors ? 'invalid_date' : 'license_not_found' });
  let outcome: ActionOutcome = { status: 'success', code: input.doneCode, target: parsed.data.licenseId };
  try {
    await change(access, parsed.data, await getClientAddress());
  } catch (error) {
    outcome = { status: 'error', code: failureCode(error) };
  }
  redirectWithOutcome(back, outcome);
}

export async function extendLicenseAction(tenantDomain: string, customerId: string, formData: FormData): Promise<void> {
  return changeLicenseFromMenu({ tenantDomain, customerId, formData, schema: extendLicenseSchema, doneCode: 'licenseExtended' }, (access, data, clientAddress) =>
    extendLicense(access, { ...data, clientAddress }),
  );
}

export async function revokeLicenseAction(tenantDomain: string, customerId: string, formData: FormData): Promise<void> {
  return changeLicenseFromMenu({ tenantDomain, customerId, formData, schema: licenseTargetSchema, doneCode: 'licenseRevoked' }, (access, data, clientAddress) =>
    revokeLicense(access, { ...data, clientAddress }),
  );
}

type CustomerField = 'name' | 'contactEmail';

export async function editCustomerAction(tenantDomain: string, _previous: FormState<CustomerField>, formData: FormData): Promise<FormState<CustomerField>> {
  const access = await requireTenantPermission(tenantDomain, 'customers.manage');
  const parsed = parseForm(editCustomerSchema, formData, ['name', 'contactEmail']);
  if (!parsed.ok) return parsed.state;
  try {
    await updateCustomer(access, { ...parsed.data, clientAddress: await getClientAddress() });
  } catch (error) {
    return toFailure(error);
  }
  redirectWithOutcome(customerPath(access, parsed.data.customerId), { status: 'success', code: 'customerUpdated' });
}

type InviteField = 'username' | 'email';
const inviteSchema = z.strictObject({ username: usernameSchema, email: emailSchema });

/**
 * Invites an administrator into a customer's tenant, from the customer's page of its reseller.
 * Bound to the customer's tenant domain: the access layer decides as for any page of that tenant
 * (the reseller's own customer, a license valid now) and the caller's role there must allow
 * users.manage; createUser then applies every rule of the users page.
 */
export async function inviteCustomerAdministratorAction(customerTenantDomain: string, _previous: FormState<InviteField>, formData: FormData): Promise<FormState<InviteField>> {
  const access = await requireTenantPermission(customerTenantDomain, 'users.manage');
  if (!access.isResellerActingForCustomer) notFound();
  const parsed = parseForm(inviteSchema, formData, ['username', 'email']);
  if (!parsed.ok) return parsed.state;
  const locale = await getLocale();
  let userId: string;
  try {
    ({ userId } = await createUser(access, { ...parsed.data, role: 'admin', locale: isLocale(locale) ? locale : 'en', clientAddress: await getClientAddress() }));
  } catch (error) {
    const failure = toFailure<InviteField>(error);
    const fieldErrors = failure.message === 'users.errors.username_taken' ? { username: [failure.message] } : undefined;
    return { ...failure, fieldErrors, values: { username: parsed.data.username, email: parsed.data.email } };
  }
  redirectWithOutcome(`/tenant/${access.session.tenant.tenantDomain}/customers/${access.actingTenant.id}`, { status: 'success', code: 'adminInvited', target: userId });
}
