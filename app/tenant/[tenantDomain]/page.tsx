import type { Metadata } from 'next';
import { TenantOverview } from '@/app/_components/tenant-overview';
import { requireTenantAccess } from '@/app/_server/request-context';
import { getTenantOverview } from '@/lib/tenant-overview/get-tenant-overview';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('tenant.overview.title') };
}

export default async function TenantOverviewPage({ params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantAccess(tenantDomain);
  const overview = await getTenantOverview(access);
  return (
    <MainContent className="page">
      <TenantOverview tenant={overview.tenant} licenses={overview.licenses} />
    </MainContent>
  );
}
