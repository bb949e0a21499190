import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireSession } from '@/app/_server/request-context';
import { canSelectCustomers } from '@/lib/access/permissions';
import { listSwitchableCustomers } from '@/lib/customer-selection/list-switchable-customers';
import { decodeCursor } from '@/lib/customer-selection/selection-cursor';
import { normalizeSearchTerm } from '@/lib/tenants/tenant-search';
import { switchToCustomerAction } from './actions';
import { CustomerSelection } from './_components/customer-selection';
import { SessionHeader } from './_components/session-header';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('customerSelection.title') };
}

// "Customer selection": where a reseller lands after login. Customers never see it (404).
// `?q=` (the search form's GET) and `?cursor=` (the next page) work without JavaScript.
export default async function CustomerSelectionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  if (!canSelectCustomers(session)) notFound();
  const query = await searchParams;
  const search = normalizeSearchTerm(query.q);
  const [t, firstPage] = await Promise.all([
    getTranslations('customerSelection'),
    listSwitchableCustomers(session, { search, cursor: decodeCursor(query.cursor) }),
  ]);
  return (
    <>
      <SessionHeader signedIn={session} returnTo="/customer-selection" hasCustomerSwitcher={false} />
      <MainContent className="page">
        <h1>{t('title')}</h1>
        <p>{t('intro', { resellerName: session.tenant.name })}</p>
        <p>
          <a href={`/tenant/${session.tenant.tenantDomain}`}>{t('ownTenant', { tenantDomain: session.tenant.tenantDomain })}</a>
        </p>
        {/* Keyed by the search: a new GET search starts a fresh list. */}
        <CustomerSelection key={`${search}|${String(query.cursor ?? '')}`} initialPage={firstPage} initialTerm={search} searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={switchToCustomerAction} autoFocus />
      </MainContent>
    </>
  );
}
