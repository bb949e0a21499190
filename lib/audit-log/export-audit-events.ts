import 'server-only';
import { and, desc, sql } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { auditEventFilter, selectAuditEventRows, type AuditEventView } from './list-audit-events';

/**
 * Every event of the audit page's filters, newest first, in keyset batches on (occurred_at, id)
 * (the tenant/time index): constant memory however long the log. The position is re-read by id
 * so microsecond timestamps are compared exactly.
 */
export async function* exportAuditEvents(access: TenantAccess, filters: { actor?: string; action?: string }, batchSize = 1000): AsyncGenerator<AuditEventView[], void, undefined> {
  requirePermission(access, 'audit.view');
  const tenantId = access.actingTenant.id;
  let lastId: number | null = null;
  for (;;) {
    const rows = await selectAuditEventRows()
      .where(
        and(
          auditEventFilter(tenantId, filters),
          lastId === null
            ? undefined
            : sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (select c.occurred_at, c.id from audit_events c where c.id = ${lastId} and c.tenant_id = ${tenantId})`,
        ),
      )
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
    if (rows.length < batchSize) return;
    lastId = rows[rows.length - 1]!.id;
  }
}
