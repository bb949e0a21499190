import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { createProfileAction } from '../actions';
import { ProfileForm } from '../_components/profile-form';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('configurations.createTitle') };
}

export default async function NewProfilePage({ params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const domain = access.actingTenant.tenantDomain;
  const t = await getTranslations('configurations');
  return (
    <MainContent className="page">
      <p>
        <Link href={`/tenant/${domain}/configurations`}>{t('backToList')}</Link>
      </p>
      <h1>{t('createTitle')}</h1>
      <ProfileForm action={createProfileAction.bind(null, domain)} submitLabel={t('form.create')} />
    </MainContent>
  );
}
