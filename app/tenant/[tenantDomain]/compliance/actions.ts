'use server';

import { z } from 'zod';
import { tenantAction } from '@/app/_server/tenant-action';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { sendComplianceActivation, sendComplianceActivationToAll } from '@/lib/customers/send-compliance-activation';

// Both end on the compliance page with the outcome, with and without JavaScript.

const compliancePage = (access: TenantAccess) => `/tenant/${access.actingTenant.tenantDomain}/compliance`;

export const sendActivationAction = tenantAction(
  { permission: 'compliance.manage', input: z.strictObject({ userId: z.string().max(64) }), page: compliancePage, invalidInput: 'admin_not_found' },
  async ({ access, data, clientAddress }) => {
    await sendComplianceActivation(access, { userId: data.userId, clientAddress });
    return { code: 'sent', target: data.userId };
  },
);

export const sendActivationToAllAction = tenantAction(
  { permission: 'compliance.manage', input: z.strictObject({}), page: compliancePage, invalidInput: 'unexpectedField' },
  async ({ access, clientAddress }) => {
    await sendComplianceActivationToAll(access, { clientAddress });
    return 'sentAll';
  },
);
