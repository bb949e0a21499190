import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { parseAuditFilters } from '@/lib/audit-log/audit-filters';
import { describeAuditEvent, formatAuditSentence, type AuditTranslator } from '@/lib/audit-log/describe-audit-event';
import { exportAuditEvents } from '@/lib/audit-log/export-audit-events';
import { csvFilename, csvResponseHeaders, csvStream } from '@/lib/exports/csv';

// The audit page as CSV, with the filters on screen (same query parameters). Same access rule as
// the page: audit.view in a tenant the caller may see, anything else a 404 (and audited).
export async function GET(request: NextRequest, { params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'audit.view');
  const filters = parseAuditFilters(Object.fromEntries(request.nextUrl.searchParams));
  const t = await getTranslations('audit');
  const translate = t as unknown as AuditTranslator;
  await recordTenantAuditEvent(access, await getClientAddress(), {
    action: 'audit.exported',
    result: 'success',
    details: { actorFilter: filters.actor ?? null, actionFilter: filters.action ?? null },
  });
  const body = csvStream({
    header: [t('csv.when'), t('csv.event'), t('csv.actor'), t('csv.actingFor'), t('csv.result'), t('csv.ipAddress'), t('csv.userAgent'), t('csv.action')],
    batches: exportAuditEvents(access, filters),
    toRow: (event) => [
      event.occurredAt,
      formatAuditSentence(translate, describeAuditEvent(event)),
      event.actorLabel,
      event.actingFor,
      t(`results.${event.result}`),
      event.ipAddress,
      event.userAgent,
      event.action,
    ],
  });
  return new Response(body, { headers: csvResponseHeaders(csvFilename(['audit-log', access.actingTenant.tenantDomain], new Date())) });
}
