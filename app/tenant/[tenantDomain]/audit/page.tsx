import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { AUDIT_PAGE_SIZE, listAuditEvents, listAuditFilterOptions, type AuditEventView } from '@/lib/audit-log/list-audit-events';
import { readPageNumber } from '@/lib/pagination/keyset';
import { DataTable, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { tableHref } from '@/app/_components/data-table/table-href';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';
import { SubmitButton } from '@/app/_components/submit-button';
import { isAuditAction } from '@/lib/audit/audit-actions';
import { parseAuditFilters, singleFilterValue } from '@/lib/audit-log/audit-filters';
import { AuditEventSentence } from './_components/audit-event-sentence';
import { CsvExportLink } from '@/app/_components/csv-export-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('audit.title') };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: Promise<SearchParams> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'audit.view');
  const query = await searchParams;
  const filters = parseAuditFilters(query);
  // `after` is the table's pager parameter; `cursor` is what older bookmarks carry.
  const cursor = singleFilterValue(query.after) ?? singleFilterValue(query.cursor);
  const [page, options, t] = await Promise.all([
    listAuditEvents(access, { ...filters, cursor }),
    listAuditFilterOptions(access),
    getTranslations('audit'),
  ]);
  const basePath = `/tenant/${access.actingTenant.tenantDomain}/audit`;
  const columns: DataTableColumn<AuditEventView>[] = [
    {
      id: 'when',
      header: t('table.when'),
      isRowHeader: true,
      cell: (event) => <time dateTime={event.occurredAt} className="nowrap">{event.occurredAt.replace('T', ' ').slice(0, 19)}</time>,
    },
    { id: 'what', header: t('table.what'), wrapAnywhere: true, cell: (event) => <AuditEventSentence event={event} /> },
    { id: 'result', header: t('table.result'), cell: (event) => t(`results.${event.result}`) },
    { id: 'from', header: t('table.from'), cell: (event) => event.ipAddress ?? '—' },
  ];

  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p>{t('intro', { tenantName: access.actingTenant.name })}</p>

      {/* A GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */}
      <form method="get" action={basePath} className="audit-filter">
        <fieldset>
          <legend>{t('filter.legend')}</legend>
          <div className="field">
            <label htmlFor="audit-actor" className="field__label">{t('filter.actor')}</label>
            <select id="audit-actor" name="actor" className="select" defaultValue={filters.actor ?? ''}>
              <option value="">{t('filter.all')}</option>
              {options.actors.map((actor) => (
                <option key={actor} value={actor}>{actor}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-action" className="field__label">{t('filter.action')}</label>
            <select id="audit-action" name="action" className="select" defaultValue={filters.action ?? ''}>
              <option value="">{t('filter.all')}</option>
              {options.actions
                .map((action) => ({ action, name: isAuditAction(action) ? t(`actions.${action}`) : action }))
                .sort((a, b) => a.name.localeCompare(b.name))
                .map(({ action, name }) => (
                  <option key={action} value={action}>{name}</option>
                ))}
            </select>
          </div>
          <div className="form__actions">
            <SubmitButton>{t('filter.apply')}</SubmitButton>
            <Link href={basePath} className="form__secondary-link">{t('filter.reset')}</Link>
          </div>
        </fieldset>
      </form>

      <CsvExportLink href={tableHref(`${basePath}/export`, filters)} label={t('export.link')} hint={t('export.hint')} />

      <DataTable
        caption={t('table.caption')}
        columns={columns}
        rows={page.events}
        rowKey={(event) => String(event.id)}
        emptyMessage={t('empty')}
        path={basePath}
        query={filters}
        // Newest first; the list reads onwards only (Older), "Newest" goes back to the start.
        pagination={{
          previousCursor: null,
          nextCursor: page.nextCursor,
          isFirstPage: !cursor,
          pageNumber: readPageNumber(query.page),
          pageSize: AUDIT_PAGE_SIZE,
          wording: 'time',
        }}
      />
    </MainContent>
  );
}
