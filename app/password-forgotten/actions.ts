'use server';

import { z } from 'zod';
import { getClientAddress } from '@/app/_server/request-context';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { describeError, logger } from '@/lib/logging/logger';
import { requestPasswordReset } from '@/lib/account-link/request-password-reset';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

type Field = 'tenantDomain' | 'username';

const schema = z.strictObject({
  tenantDomain: z
    .string()
    .max(2048, 'validation.tooLong')
    .refine((value) => parseTenantDomain(value) !== null, 'validation.tenantDomainFormat'),
  username: z.string().trim().min(1, 'validation.required').max(256, 'validation.tooLong'),
});

// Every answer takes at least this long, so the response time does not tell whether an email
// was written for an existing account (a few database writes) or not.
const MINIMUM_RESPONSE_MS = 600;

export async function requestPasswordResetAction(_previous: FormState<Field>, formData: FormData): Promise<FormState<Field>> {
  const startedAt = Date.now();
  const parsed = parseForm(schema, formData, ['tenantDomain', 'username']);
  if (!parsed.ok) return parsed.state;
  try {
    await requestPasswordReset({ ...parsed.data, clientAddress: await getClientAddress() });
  } catch (error) {
    logger.error({ err: describeError(error) }, 'password reset request failed');
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, MINIMUM_RESPONSE_MS - (Date.now() - startedAt))));
  return { status: 'success', message: 'passwordForgotten.sent', values: { tenantDomain: parsed.data.tenantDomain, username: parsed.data.username } };
}
