'use server';

import { z } from 'zod';
import { redirectWithOutcome } from '@/app/_server/action-outcome';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { ConfigurationProfileError } from '@/lib/configurations/configuration-errors';
import { createConfigurationProfile } from '@/lib/configurations/create-configuration-profile';
import { deleteConfigurationProfile } from '@/lib/configurations/delete-configuration-profile';
import { parseProfileForm, type ProfileField } from '@/lib/configurations/parse-profile-form';
import { updateConfigurationProfile } from '@/lib/configurations/update-configuration-profile';
import type { ActionOutcome } from '@/lib/forms/action-outcome';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { describeError, logger } from '@/lib/logging/logger';

// Every action re-checks access and permission for its bound tenant domain; a profile id is
// only ever matched together with the acting tenant id (lib/configurations).

/** A refused rule's code (configurations.errors.<code>); anything else is logged and shown as the generic error. */
function failureCode(error: unknown): string {
  if (error instanceof ConfigurationProfileError) return error.code;
  logger.error({ err: describeError(error) }, 'configuration action failed');
  return 'unexpected';
}

function toFailure(error: unknown): FormState<ProfileField> {
  const code = failureCode(error);
  return { status: 'error', message: code === 'unexpected' ? 'form.genericError' : `configurations.errors.${code}` };
}

export async function createProfileAction(tenantDomain: string, _previous: FormState<ProfileField>, formData: FormData): Promise<FormState<ProfileField>> {
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const parsed = parseProfileForm(formData);
  if (!parsed.ok) return parsed.state;
  let profileId: string;
  try {
    ({ profileId } = await createConfigurationProfile(access, { profile: parsed.profile, clientAddress: await getClientAddress() }));
  } catch (error) {
    return toFailure(error);
  }
  redirectWithOutcome(listPath(access), { status: 'success', code: 'created', target: profileId });
}

export async function updateProfileAction(
  tenantDomain: string,
  profileId: string,
  _previous: FormState<ProfileField>,
  formData: FormData,
): Promise<FormState<ProfileField>> {
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const parsed = parseProfileForm(formData);
  if (!parsed.ok) return parsed.state;
  try {
    await updateConfigurationProfile(access, { profileId, profile: parsed.profile, clientAddress: await getClientAddress() });
  } catch (error) {
    return toFailure(error);
  }
  redirectWithOutcome(listPath(access), { status: 'success', code: 'updated', target: profileId });
}

const deleteSchema = z.strictObject({ profileId: z.uuid('configurations.errors.profile_not_found') });

/** Delete from the list's row menu: back to the list with the outcome, with or without JavaScript. */
export async function deleteProfileAction(tenantDomain: string, formData: FormData): Promise<void> {
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const parsed = parseForm(deleteSchema, formData, []);
  if (!parsed.ok) redirectWithOutcome(listPath(access), { status: 'error', code: 'profile_not_found' });
  let outcome: ActionOutcome = { status: 'success', code: 'deleted' };
  try {
    await deleteConfigurationProfile(access, { profileId: parsed.data.profileId, clientAddress: await getClientAddress() });
  } catch (error) {
    outcome = { status: 'error', code: failureCode(error) };
  }
  redirectWithOutcome(listPath(access), outcome);
}

function listPath(access: TenantAccess): string {
  return `/tenant/${access.actingTenant.tenantDomain}/configurations`;
}
