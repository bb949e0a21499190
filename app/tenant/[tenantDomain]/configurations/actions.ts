'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import { ConfigurationProfileError } from '@/lib/configurations/configuration-errors';
import { createConfigurationProfile } from '@/lib/configurations/create-configuration-profile';
import { deleteConfigurationProfile } from '@/lib/configurations/delete-configuration-profile';
import { parseProfileForm, type ProfileField } from '@/lib/configurations/parse-profile-form';
import { updateConfigurationProfile } from '@/lib/configurations/update-configuration-profile';
import type { FormState } from '@/lib/forms/form-state';
import { parseForm } from '@/lib/forms/parse-form';
import { describeError, logger } from '@/lib/logging/logger';

// Every action re-checks access and permission for its bound tenant domain; a profile id is
// only ever matched together with the acting tenant id (lib/configurations).

function toFailure(error: unknown): FormState<ProfileField> {
  if (error instanceof ConfigurationProfileError) return { status: 'error', message: `configurations.errors.${error.code}` };
  logger.error({ err: describeError(error) }, 'configuration action failed');
  return { status: 'error', message: 'form.genericError' };
}

export async function createProfileAction(tenantDomain: string, _previous: FormState<ProfileField>, formData: FormData): Promise<FormState<ProfileField>> {
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const parsed = parseProfileForm(formData);
  if (!parsed.ok) return parsed.state;
  try {
    await createConfigurationProfile(access, { profile: parsed.profile, clientAddress: await getClientAddress() });
  } catch (error) {
    return toFailure(error);
  }
  const listPath = `/tenant/${access.actingTenant.tenantDomain}/configurations`;
  revalidatePath(listPath);
  redirect(`${listPath}?done=created`);
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
  const listPath = `/tenant/${access.actingTenant.tenantDomain}/configurations`;
  revalidatePath(listPath);
  redirect(`${listPath}?done=updated`);
}

const deleteSchema = z.strictObject({ profileId: z.uuid('configurations.errors.profile_not_found') });

export async function deleteProfileAction(tenantDomain: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const parsed = parseForm(deleteSchema, formData, []);
  if (!parsed.ok) return { status: 'error', message: parsed.state.message };
  try {
    await deleteConfigurationProfile(access, { profileId: parsed.data.profileId, clientAddress: await getClientAddress() });
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath(`/tenant/${access.actingTenant.tenantDomain}/configurations`);
  return { status: 'success', message: 'configurations.messages.deleted' };
}
