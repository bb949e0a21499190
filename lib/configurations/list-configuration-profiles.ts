import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { configurationProfiles } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { isUuid } from '@/lib/uuid';
import type { DevicePlatform } from '@/db/schema';

export type ConfigurationProfileView = {
  id: string;
  name: string;
  platform: DevicePlatform;
  settings: Record<string, unknown>;
  updatedAt: string;
};

const columns = {
  id: configurationProfiles.id,
  name: configurationProfiles.name,
  platform: configurationProfiles.platform,
  settings: configurationProfiles.settings,
  updatedAt: configurationProfiles.updatedAt,
};

function toView(row: { id: string; name: string; platform: DevicePlatform; settings: Record<string, unknown>; updatedAt: Date }): ConfigurationProfileView {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

/** The configurations page's data: the acting tenant's profiles only. */
export async function listConfigurationProfiles(access: TenantAccess): Promise<ConfigurationProfileView[]> {
  requirePermission(access, 'configurations.view');
  const rows = await getDb()
    .select(columns)
    .from(configurationProfiles)
    .where(eq(configurationProfiles.tenantId, access.actingTenant.id))
    .orderBy(asc(sql`lower(${configurationProfiles.name})`), asc(configurationProfiles.id));
  return rows.map(toView);
}

/** One profile of the acting tenant (the id is re-read together with the tenant id), or null. */
export async function getConfigurationProfile(access: TenantAccess, profileId: string): Promise<ConfigurationProfileView | null> {
  requirePermission(access, 'configurations.view');
  if (!isUuid(profileId)) return null;
  const [row] = await getDb()
    .select(columns)
    .from(configurationProfiles)
    .where(and(eq(configurationProfiles.id, profileId), eq(configurationProfiles.tenantId, access.actingTenant.id)));
  return row ? toView(row) : null;
}
