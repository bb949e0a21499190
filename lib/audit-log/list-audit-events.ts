import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { auditEvents, tenants } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';

export type AuditEventView = {
  id: number;
  occurredAt: string;
  actorLabel: string | null;
  /** The customer tenant a reseller acted for, when it did. */
  actingFor: string | null;
  action: string;
  result: 'success' | 'failure' | 'denied';
  ipAddress: string | null;
  userAgent: string | null;
  /** The actor's home tenant, when it is another than this one (a reseller acting for its customer). */
  actorTenantName: string | null;
  isActorFromAnotherTenant: boolean;
  details: Record<string, string | number | boolean | null> | null;
};

const actorTenants = alias(tenants, 'actor_tenant');

/** The columns of one event as the audit page and the CSV export show it (describeAuditEvent's facts). */
export const auditEventColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorLabel: auditEvents.actorLabel,
  actingFor: sql<string | null>`${auditEvents.details} ->> 'actingFor'`,
  action: auditEvents.action,
  result: auditEvents.result,
  ipAddress: auditEvents.ipAddress,
  userAgent: auditEvents.userAgent,
  actorTenantName: actorTenants.name,
  isActorFromAnotherTenant: sql<boolean>`coalesce(${auditEvents.actorTenantId} <> ${auditEvents.tenantId}, false)`,
  details: auditEvents.details,
};

/** The events of one tenant matching the audit page's filters (also the CSV export's). */
export function auditEventFilter(tenantId: string, filters: { actor?: string; action?: string }): SQL | undefined {
  return and(
    eq(auditEvents.tenantId, tenantId),
    filters.actor ? eq(auditEvents.actorLabel, filters.actor) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
  );
}

/** `select … from audit_events` with the actor's home tenant joined, for auditEventColumns. */
export function selectAuditEventRows() {
  return getDb().select(auditEventColumns).from(auditEvents).leftJoin(actorTenants, eq(actorTenants.id, auditEvents.actorTenantId));
}

export type AuditEventPage = { events: AuditEventView[]; nextCursor: string | null };

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit page's data: the acting tenant's events, newest first, filtered by actor and
 * action, keyset-paginated on (occurred_at, id). The cursor is the last event's id; its
 * position is re-read inside the same tenant, so a cursor from elsewhere yields nothing.
 */
export async function listAuditEvents(
  access: TenantAccess,
  options: { actor?: string; action?: string; cursor?: string; limit?: number } = {},
): Promise<AuditEventPage> {
  requirePermission(access, 'audit.view');
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const tenantId = access.actingTenant.id;
  const cursorId = options.cursor && /^\d{1,18}$/.test(options.cursor) ? Number(options.cursor) : null;

  const rows = await selectAuditEventRows()
    .where(
      and(
        auditEventFilter(tenantId, options),
        cursorId === null
          ? undefined
          : sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (select c.occurred_at, c.id from audit_events c where c.id = ${cursorId} and c.tenant_id = ${tenantId})`,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  return {
    events: page.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })),
    nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** The choices of the audit page's filters: actors and actions that occur in this tenant. */
export async function listAuditFilterOptions(access: TenantAccess): Promise<{ actors: string[]; actions: string[] }> {
  requirePermission(access, 'audit.view');
  const db = getDb();
  const tenantId = access.actingTenant.id;
  const [actors, actions] = await Promise.all([
    db.selectDistinct({ value: auditEvents.actorLabel }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(auditEvents.actorLabel).limit(500),
    db.selectDistinct({ value: auditEvents.action }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(auditEvents.action).limit(500),
  ]);
  return {
    actors: actors.map((row) => row.value).filter((value): value is string => Boolean(value)),
    actions: actions.map((row) => row.value),
  };
}
