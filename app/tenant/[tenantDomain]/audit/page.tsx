import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { listAuditEvents, listAuditFilterOptions } from '@/lib/audit-log/list-audit-events';
import { TableScroll } from '@/app/_components/table-scroll';
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
  const [page, options, t] = await Promise.all([
    listAuditEvents(access, { ...filters, cursor: singleFilterValue(query.cursor) }),
    listAuditFilterOptions(access),
    getTranslations('audit'),
  ]);
  const basePath = `/tenant/${access.actingTenant.tenantDomain}/audit`;
  const withQuery = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams(Object.entries({ ...filters, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const text = search.toString();
    return text ? `${basePath}?${text}` : basePath;
  };

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

      <CsvExportLink href={withQuery({}).replace(basePath, `${basePath}/export`)} label={t('export.link')} hint={t('export.hint')} />

      {page.events.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <TableScroll label={t('table.caption')}>
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.when')}</th>
                <th scope="col">{t('table.who')}</th>
                <th scope="col">{t('table.what')}</th>
                <th scope="col">{t('table.result')}</th>
                <th scope="col">{t('table.from')}</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => {
                const actor = event.actorLabel ?? t('unknownActor');
                return (
                  <tr key={event.id}>
                    <th scope="row" className="nowrap">
                      <time dateTime={event.occurredAt}>{event.occurredAt.replace('T', ' ').slice(0, 19)}</time>
                    </th>
                    <td data-label={t('table.who')} className="data-table__wrap-anywhere">{event.actingFor ? t('actingForLabel', { actor, tenantDomain: event.actingFor }) : actor}</td>
                    <td data-label={t('table.what')} className="data-table__wrap-anywhere"><AuditEventSentence event={event} /></td>
                    <td data-label={t('table.result')}>{t(`results.${event.result}`)}</td>
                    <td data-label={t('table.from')}>{event.ipAddress ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}

      <nav className="audit-pagination" aria-label={t('table.caption')}>
        {query.cursor ? <Link href={withQuery({})}>{t('newest')}</Link> : null}
        {page.nextCursor ? <Link href={withQuery({ cursor: page.nextCursor })}>{t('older')}</Link> : null}
      </nav>
    </MainContent>
  );
}
