'use server';

import { z } from 'zod';
import { redirectWithOutcome } from '@/app/_server/action-outcome';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import { CustomerManagementError } from '@/lib/customers/customer-errors';
import { sendComplianceActivation, sendComplianceActivationToAll } from '@/lib/customers/send-compliance-activation';
import type { ActionOutcome } from '@/lib/forms/action-outcome';
import { parseForm } from '@/lib/forms/parse-form';
import { describeError, logger } from '@/lib/logging/logger';

const targetSchema = z.strictObject({ userId: z.string().max(64) });
const allSchema = z.strictObject({});

// Both end on the compliance page with the outcome (app/_server/action-outcome.ts), with and
// without JavaScript.

export async function sendActivationAction(tenantDomain: string, formData: FormData): Promise<void> {
  const access = await requireTenantPermission(tenantDomain, 'compliance.manage');
  const compliancePath = `/tenant/${access.actingTenant.tenantDomain}/compliance`;
  const parsed = parseForm(targetSchema, formData, []);
  if (!parsed.ok) redirectWithOutcome(compliancePath, { status: 'error', code: 'admin_not_found' });
  let outcome: ActionOutcome = { status: 'success', code: 'sent', target: parsed.data.userId };
  try {
    await sendComplianceActivation(access, { userId: parsed.data.userId, clientAddress: await getClientAddress() });
  } catch (error) {
    outcome = { status: 'error', code: failureCode(error, 'compliance.send_failed') };
  }
  redirectWithOutcome(compliancePath, outcome);
}

export async function sendActivationToAllAction(tenantDomain: string, formData: FormData): Promise<void> {
  const access = await requireTenantPermission(tenantDomain, 'compliance.manage');
  const compliancePath = `/tenant/${access.actingTenant.tenantDomain}/compliance`;
  const parsed = parseForm(allSchema, formData, []);
  if (!parsed.ok) redirectWithOutcome(compliancePath, { status: 'error', code: 'unexpectedField' });
  let outcome: ActionOutcome = { status: 'success', code: 'sentAll' };
  try {
    await sendComplianceActivationToAll(access, { clientAddress: await getClientAddress() });
  } catch (error) {
    outcome = { status: 'error', code: failureCode(error, 'compliance.send_all_failed') };
  }
  redirectWithOutcome(compliancePath, outcome);
}

function failureCode(error: unknown, event: string): string {
  if (error instanceof CustomerManagementError) return error.code;
  logger.error({ event, err: describeError(error) }, 'activation email failed');
  return 'unexpected';
}
