'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getClientAddress, requireSession } from '@/app/_server/request-context';
import { TenantAccessDeniedError } from '@/lib/access/tenant-access';
import { formDataToObject } from '@/lib/forms/parse-form';
import { enterCustomerTenant } from '@/lib/customer-selection/enter-customer-tenant';

const selectionSchema = z.strictObject({ tenantDomain: z.string().min(1).max(64) });

/** Selecting a customer: the access layer decides, both tenants audit the switch, then the tenant opens. */
export async function switchToCustomerAction(formData: FormData): Promise<void> {
  const session = await requireSession();
  const parsed = selectionSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) notFound();
  let tenantDomain: string;
  try {
    const access = await enterCustomerTenant(session, { tenantDomain: parsed.data.tenantDomain, clientAddress: await getClientAddress() });
    tenantDomain = access.actingTenant.tenantDomain;
  } catch (error) {
    if (error instanceof TenantAccessDeniedError) notFound();
    throw error;
  }
  redirect(`/tenant/${tenantDomain}`);
}
