import 'server-only';
import { getDb } from '@/db/client';
import { configurationProfiles } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { ConfigurationProfileError } from './configuration-errors';
import { profileInputSchema } from './profile-settings';

/** Creates a profile in the acting tenant; settings must pass the platform's strict schema. Audited as `configuration.created`. */
export async function createConfigurationProfile(
  access: TenantAccess,
  input: { profile: unknown; clientAddress: string },
): Promise<{ profileId: string }> {
  requirePermission(access, 'configurations.manage');
  const parsed = profileInputSchema.safeParse(input.profile);
  if (!parsed.success) throw new ConfigurationProfileError('invalid_profile');
  const profile = parsed.data;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(configurationProfiles)
      .values({
        tenantId: access.actingTenant.id,
        name: profile.name,
        platform: profile.platform,
        settings: profile.settings,
        createdByUserId: access.isResellerActingForCustomer ? null : access.session.user.id,
      })
      .returning({ id: configurationProfiles.id });
    await recordTenantAuditEvent(
      access,
      input.clientAddress,
      { action: 'configuration.created', result: 'success', details: { profileId: row!.id, profileName: profile.name, platform: profile.platform } },
      tx,
    );
    return { profileId: row!.id };
  });
}
