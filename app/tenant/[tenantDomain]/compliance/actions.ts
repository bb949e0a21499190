'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import { CustomerManagementError } from '@/lib/customers/customer-errors';
import { sendComplianceActivation, sendComplianceActivationToAll } from '@/lib/customers/send-compliance-activation';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { describeError, logger } from '@/lib/logging/logger';

const targetSchema = z.strictObject({ userId: z.string().max(64) });
const allSchema = z.strictObject({});

export async function sendActivationAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requireTenantPermission(tenantDomain, 'compliance.manage');
  const parsed = parseForm(targetSchema, formData, []);
  if (!parsed.ok) return { status: 'error', message: parsed.state.message };
  try {
    await sendComplianceActivation(access, { userId: parsed.data.userId, clientAddress: await getClientAddress() });
  } catch (error) {
    if (error instanceof CustomerManagementError) return { status: 'error', message: 'compliance.notFound' };
    logger.error({ event: 'compliance.send_failed', err: describeError(error) }, 'activation email failed');
    return { status: 'error', message: 'form.genericError' };
  }
  revalidatePath(`/tenant/${access.actingTenant.tenantDomain}/compliance`);
  return { status: 'success', message: 'compliance.sent' };
}

export async function sendActivationToAllAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requireTenantPermission(tenantDomain, 'compliance.manage');
  const parsed = parseForm(allSchema, formData, []);
  if (!parsed.ok) return { status: 'error', message: parsed.state.message };
  try {
    await sendComplianceActivationToAll(access, { clientAddress: await getClientAddress() });
  } catch (error) {
    if (error instanceof CustomerManagementError) return { status: 'error', message: 'compliance.notFound' };
    logger.error({ event: 'compliance.send_all_failed', err: describeError(error) }, 'activation emails failed');
    return { status: 'error', message: 'form.genericError' };
  }
  revalidatePath(`/tenant/${access.actingTenant.tenantDomain}/compliance`);
  return { status: 'success', message: 'compliance.sentAllDone' };
}
