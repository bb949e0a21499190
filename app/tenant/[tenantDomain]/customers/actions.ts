'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import type { Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { CustomerManagementError } from '@/lib/customers/customer-errors';
import { updateCustomer } from '@/lib/customers/update-customer';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { extendLicense, revokeLicense } from '@/lib/licenses/change-license';
import { createLicense } from '@/lib/licenses/create-license';
import { createLicenseSchema, editCustomerSchema, extendLicenseSchema, licenseTargetSchema } from '@/lib/licenses/license-input';
import { describeError, logger } from '@/lib/logging/logger';

// Public endpoints: each re-checks the reseller's tenant and permission, parses strictly and
// leaves ownership (another reseller's ids → not found + authz_denied) to lib/.

const CREATE_FIELDS = ['customerMode', 'customerId', 'customerName', 'contactEmail', 'type', 'deviceCount', 'validFrom', 'validUntil'] as const;
type CreateField = (typeof CREATE_FIELDS)[number];

function toFailure(error: unknown): FormState {
  if (error instanceof CustomerManagementError) return { status: 'error', message: `customers.errors.${error.code}` };
  logger.error({ event: 'customers.action_failed', err: describeError(error) }, 'customer action failed');
  return { status: 'error', message: 'form.genericError' };
}

async function run<Schema extends z.ZodType, Field extends string>(
  tenantDomain: string,
  permission: Permission,
  schema: Schema,
  formData: FormData,
  keep: readonly Field[],
  operation: (access: TenantAccess, data: z.infer<Schema>, clientAddress: string) => Promise<void>,
  successMessage: string,
): Promise<FormState<Field>> {
  const access = await requireTenantPermission(tenantDomain, permission);
  const parsed = parseForm(schema, formData, keep);
  if (!parsed.ok) return parsed.state;
  try {
    await operation(access, parsed.data, await getClientAddress());
  } catch (error) {
    return toFailure(error) as FormState<Field>;
  }
  revalidatePath(`/tenant/${access.actingTenant.tenantDomain}/customers`);
  return { status: 'success', message: successMessage };
}

export async function createLicenseAction(tenantDomain: string, _previous: FormState<CreateField>, formData: FormData): Promise<FormState<CreateField>> {
  return run(tenantDomain, 'licenses.manage', createLicenseSchema, formData, CREATE_FIELDS, async (access, data, clientAddress) => {
    await createLicense(access, { ...data, clientAddress });
  }, 'customers.messages.licenseCreated');
}

export async function extendLicenseAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return run(tenantDomain, 'licenses.manage', extendLicenseSchema, formData, ['validUntil'], (access, data, clientAddress) =>
    extendLicense(access, { ...data, clientAddress }), 'customers.messages.licenseExtended');
}

export async function revokeLicenseAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return run(tenantDomain, 'licenses.manage', licenseTargetSchema, formData, [], (access, data, clientAddress) =>
    revokeLicense(access, { ...data, clientAddress }), 'customers.messages.licenseRevoked');
}

export async function editCustomerAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return run(tenantDomain, 'customers.manage', editCustomerSchema, formData, ['name', 'contactEmail'], (access, data, clientAddress) =>
    updateCustomer(access, { ...data, clientAddress }), 'customers.messages.customerUpdated');
}
