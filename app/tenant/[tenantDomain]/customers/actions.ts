'use server';

import { z } from 'zod';
import { getRequestLocale } from '@/app/_server/request-locale';
import { tenantAction } from '@/app/_server/tenant-action';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { extendLicense, revokeLicense } from '@/lib/customers/change-license';
import { createLicense } from '@/lib/customers/create-license';
import { createLicenseSchema, editCustomerSchema, extendLicenseSchema, licenseTargetSchema } from '@/lib/customers/license-input';
import { updateCustomer } from '@/lib/customers/update-customer';
import type { FormState } from '@/lib/forms/form-state';
import { createUser } from '@/lib/users/create-user';
import { emailSchema, usernameSchema } from '@/lib/users/user-input';
import { isUuid } from '@/lib/uuid';

// Ownership (another reseller's ids → not found + authz_denied) is left to lib/customers. Forms
// with typed input answer errors in place; every success, and every row action, ends on the
// customer's page with its outcome.

const customerPage = (access: TenantAccess, customerId: string) => `/tenant/${access.actingTenant.tenantDomain}/customers/${customerId}`;

/** "Create license", for a new customer (with a new tenant) or an existing one; then the customer's page. */
export const createLicenseAction = tenantAction(
  {
    permission: 'licenses.manage',
    input: createLicenseSchema,
    form: { keep: ['customerMode', 'customerId', 'customerName', 'contactEmail', 'type', 'deviceCount', 'validFrom', 'validUntil'] },
  },
  async ({ access, data, clientAddress }) => {
    const created = await createLicense(access, { ...data, clientAddress });
    return { page: customerPage(access, created.customerId), code: created.isNewCustomer ? 'customerCreated' : 'licenseCreated', target: created.licenseId };
  },
);

/** Extend and revoke come from a license's menu on the customer's page and return there. */
const onLicense = {
  permission: 'licenses.manage',
  // Only the way back: the page re-checks that the customer is this reseller's.
  page: (access: TenantAccess, customerId: string) => (isUuid(customerId) ? customerPage(access, customerId) : `/tenant/${access.actingTenant.tenantDomain}/customers`),
  invalidInput: (state: FormState) => (state.fieldErrors && 'validUntil' in state.fieldErrors ? 'invalid_date' : 'license_not_found'),
} as const;

export const extendLicenseAction = tenantAction({ ...onLicense, input: extendLicenseSchema }, async ({ access, data, clientAddress }) => {
  await extendLicense(access, { ...data, clientAddress });
  return { code: 'licenseExtended', target: data.licenseId };
});

export const revokeLicenseAction = tenantAction({ ...onLicense, input: licenseTargetSchema }, async ({ access, data, clientAddress }) => {
  await revokeLicense(access, { ...data, clientAddress });
  return { code: 'licenseRevoked', target: data.licenseId };
});

export const editCustomerAction = tenantAction(
  { permission: 'customers.manage', input: editCustomerSchema, form: { keep: ['name', 'contactEmail'] } },
  async ({ access, data, clientAddress }) => {
    await updateCustomer(access, { ...data, clientAddress });
    return { page: customerPage(access, data.customerId), code: 'customerUpdated' };
  },
);

/**
 * Invites an administrator into a customer's tenant, from the customer's page of its reseller.
 * Bound to the customer's tenant domain: the access layer decides as for any page of that tenant
 * (the reseller's own customer, a license valid now) and the caller's role there must allow
 * users.manage; createUser then applies every rule of the users page.
 */
export const inviteCustomerAdministratorAction = tenantAction(
  {
    permission: 'users.manage',
    isAllowed: (access) => access.isResellerActingForCustomer,
    input: z.strictObject({ username: usernameSchema, email: emailSchema }),
    form: { keep: ['username', 'email'], fieldOfRefusal: { username_taken: 'username' } },
  },
  async ({ access, data, clientAddress }) => {
    const { userId } = await createUser(access, { ...data, role: 'admin', locale: await getRequestLocale(), clientAddress });
    return { page: `/tenant/${access.session.tenant.tenantDomain}/customers/${access.actingTenant.id}`, code: 'adminInvited', target: userId };
  },
);
