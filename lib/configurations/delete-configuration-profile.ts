import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { configurationProfiles } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordObjectAccessDenied, recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { isUuid } from '@/lib/uuid';
import { ConfigurationProfileError } from './configuration-errors';

/** Deletes a profile of the acting tenant; another tenant's id is not found and `authz_denied`. Audited as `configuration.deleted`. */
export async function deleteConfigurationProfile(access: TenantAccess, input: { profileId: string; clientAddress: string }): Promise<void> {
  requirePermission(access, 'configurations.manage');
  const deleted = isUuid(input.profileId)
    ? await getDb().transaction(async (tx) => {
        const [row] = await tx
          .delete(configurationProfiles)
          .where(and(eq(configurationProfiles.id, input.profileId), eq(configurationProfiles.tenantId, access.actingTenant.id)))
          .returning({ id: configurationProfiles.id, name: configurationProfiles.name });
        if (!row) return false;
        await recordTenantAuditEvent(
          access,
          input.clientAddress,
          { action: 'configuration.deleted', result: 'success', details: { profileId: row.id, profileName: row.name } },
          tx,
        );
        return true;
      })
    : false;
  if (!deleted) {
    await recordObjectAccessDenied(access, input.clientAddress, 'configuration_profile', input.profileId);
    throw new ConfigurationProfileError('profile_not_found');
  }
}
