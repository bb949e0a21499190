import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import { recordObjectAccessDenied } from '@/lib/access/audit-actor';
import { getConfigurationProfile } from '@/lib/configurations/list-configuration-profiles';
import { updateProfileAction } from '../actions';
import { ProfileForm, type ProfileFormValues } from '../_components/profile-form';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('configurations.editTitle') };
}

export default async function EditProfilePage({ params }: { params: Promise<{ tenantDomain: string; profileId: string }> }) {
  const { tenantDomain, profileId } = await params;
  const access = await requireTenantPermission(tenantDomain, 'configurations.manage');
  const profile = await getConfigurationProfile(access, profileId);
  if (!profile) {
    // Another tenant's (or an unknown) profile id: 404 and an authz_denied event.
    await recordObjectAccessDenied(access, await getClientAddress(), 'configuration_profile', profileId);
    notFound();
  }
  const domain = access.actingTenant.tenantDomain;
  const t = await getTranslations('configurations');
  const settings = profile.settings as Partial<ProfileFormValues>;
  const initial: ProfileFormValues = {
    name: profile.name,
    platform: profile.platform,
    passcodeMinLength: settings.passcodeMinLength ?? 6,
    screenLockMinutes: settings.screenLockMinutes ?? 5,
    cameraAllowed: settings.cameraAllowed ?? true,
    wifiNetworks: settings.wifiNetworks ?? [],
    allowUnknownSources: settings.allowUnknownSources ?? false,
    allowAppStore: settings.allowAppStore ?? true,
  };
  return (
    <MainContent className="page">
      <p>
        <Link href={`/tenant/${domain}/configurations`}>{t('backToList')}</Link>
      </p>
      <h1>{t('editTitle')}</h1>
      <ProfileForm action={updateProfileAction.bind(null, domain, profile.id)} initial={initial} submitLabel={t('form.save')} />
    </MainContent>
  );
}
