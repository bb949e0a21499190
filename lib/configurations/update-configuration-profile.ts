import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { configurationProfiles } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordObjectAccessDenied, recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { isUuid } from '@/lib/uuid';
import { ConfigurationProfileError } from './configuration-errors';
import { profileInputSchema } from './profile-settings';

/**
 * Replaces a profile's name, platform and settings. The id is only matched together with the
 * acting tenant id: another tenant's profile is not found, unchanged, and `authz_denied`.
 * Audited as `configuration.updated`.
 */
export async function updateConfigurationProfile(
  access: TenantAccess,
  input: { profileId: string; profile: unknown; clientAddress: string },
): Promise<void> {
  requirePermission(access, 'configurations.manage');
  const parsed = profileInputSchema.safeParse(input.profile);
  if (!parsed.success) throw new ConfigurationProfileError('invalid_profile');
  const profile = parsed.data;
  const updated = isUuid(input.profileId)
    ? await getDb().transaction(async (tx) => {
        const rows = await tx
          .update(configurationProfiles)
          .set({ name: profile.name, platform: profile.platform, settings: profile.settings, updatedAt: sql`now()` })
          .where(and(eq(configurationProfiles.id, input.profileId), eq(configurationProfiles.tenantId, access.actingTenant.id)))
          .returning({ id: configurationProfiles.id });
        if (rows.length === 0) return false;
        await recordTenantAuditEvent(
          access,
          input.clientAddress,
          { action: 'configuration.updated', result: 'success', details: { profileId: input.profileId, profileName: profile.name, platform: profile.platform } },
          tx,
        );
        return true;
      })
    : false;
  if (!updated) {
    await recordObjectAccessDenied(access, input.clientAddress, 'configuration_profile', input.profileId);
    throw new ConfigurationProfileError('profile_not_found');
  }
}
