'use server';

import { z } from 'zod';
import { tenantAction } from '@/app/_server/tenant-action';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { createConfigurationProfile } from '@/lib/configurations/create-configuration-profile';
import { deleteConfigurationProfile } from '@/lib/configurations/delete-configuration-profile';
import { parseProfileForm } from '@/lib/configurations/parse-profile-form';
import { updateConfigurationProfile } from '@/lib/configurations/update-configuration-profile';

// A profile id is only ever matched together with the acting tenant id (lib/configurations).

const listPage = (access: TenantAccess) => `/tenant/${access.actingTenant.tenantDomain}/configurations`;

export const createProfileAction = tenantAction(
  { permission: 'configurations.manage', input: parseProfileForm, form: {} },
  async ({ access, data, clientAddress }) => {
    const { profileId } = await createConfigurationProfile(access, { profile: data, clientAddress });
    return { page: listPage(access), code: 'created', target: profileId };
  },
);

export const updateProfileAction = tenantAction(
  { permission: 'configurations.manage', input: parseProfileForm, form: {} },
  async ({ access, data, clientAddress }, profileId: string) => {
    await updateConfigurationProfile(access, { profileId, profile: data, clientAddress });
    return { page: listPage(access), code: 'updated', target: profileId };
  },
);

const deleteSchema = z.strictObject({ profileId: z.uuid('configurations.errors.profile_not_found') });

/** Delete from the list's row menu: back to the list with the outcome, with or without JavaScript. */
export const deleteProfileAction = tenantAction(
  { permission: 'configurations.manage', input: deleteSchema, page: listPage, invalidInput: 'profile_not_found' },
  async ({ access, data, clientAddress }) => {
    await deleteConfigurationProfile(access, { profileId: data.profileId, clientAddress });
    return 'deleted';
  },
);
