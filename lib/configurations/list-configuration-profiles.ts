import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { configurationProfiles } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { isUuid } from '@/lib/uuid';
import { finishKeysetPage, keysetClauses, mapPage, positionById, type KeysetPage, type PageRequest, type SortDirection } from '@/lib/pagination/keyset';
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

export const PROFILE_SORT_KEYS = ['name', 'platform', 'updated'] as const;
export type ProfileSort = { key: (typeof PROFILE_SORT_KEYS)[number]; direction: SortDirection };
export const PROFILES_PAGE_SIZE = 50;

const sortKeys = {
  name: [sql`lower(${configurationProfiles.name})`, sql`${configurationProfiles.id}`],
  platform: [sql`${configurationProfiles.platform}`, sql`lower(${configurationProfiles.name})`, sql`${configurationProfiles.id}`],
  updated: [sql`${configurationProfiles.updatedAt}`, sql`${configurationProfiles.id}`],
} as const;

/**
 * The configurations page's data: one page of the acting tenant's profiles. The cursor (a
 * profile id) is re-read with the tenant id, so another tenant's profile yields nothing.
 */
export async function listConfigurationProfiles(access: TenantAccess, options: { sort?: ProfileSort; page?: PageRequest } = {}): Promise<KeysetPage<ConfigurationProfileView>> {
  requirePermission(access, 'configurations.view');
  const tenantId = access.actingTenant.id;
  const request = options.page ?? { cursor: null, towards: 'after', limit: PROFILES_PAGE_SIZE };
  const keys = [...sortKeys[options.sort?.key ?? 'name']];
  const page = keysetClauses({
    keys,
    direction: options.sort?.direction ?? 'asc',
    request,
    position: positionById({ keys, table: configurationProfiles, id: configurationProfiles.id, scope: eq(configurationProfiles.tenantId, tenantId) }),
  });
  const rows = await getDb()
    .select(columns)
    .from(configurationProfiles)
    .where(and(eq(configurationProfiles.tenantId, tenantId), page.where))
    .orderBy(page.orderBy)
    .limit(page.limit);
  return mapPage(finishKeysetPage(rows, request, (row) => row.id), toView);
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
