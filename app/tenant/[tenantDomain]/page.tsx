import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TenantOverview } from '@/app/_components/tenant-overview';
import { requireTenantAccess } from '@/app/_server/request-context';
import { getTenantOverview } from '@/lib/tenants/get-tenant-overview';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('tenant.overview.title')} · ${t('app.name')}` };
}

export default async function TenantOverviewPage({ params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantAccess(tenantDomain);
  const overview = await getTenantOverview(access);
  return (
    <main id="main" className="page">
      <TenantOverview tenant={overview.tenant} licenses={overview.licenses} />
    </main>
  );
}
