import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { createProfileAction } from '../actions';
import { ProfileForm } from '../_components/profile-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('configurations.createTitle')} · ${t('app.name')}` };
}

export default async function NewProfilePage({ params }: { params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const domain = access.actingTenant.tenantDomain;
  const t = await getTranslations('configurations');
  return (
    <main id="main" className="page">
      <p>
        <Link href={`/tenant/${domain}/configurations`}>{t('backToList')}</Link>
      </p>
      <h1>{t('createTitle')}</h1>
      <ProfileForm action={createProfileAction.bind(null, domain)} submitLabel={t('form.create')} />
    </main>
  );
}
