import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { SubmitButton } from '@/app/_components/submit-button';
import { TwoFactorSetupForm } from '@/app/_components/two-factor-setup-form';
import { TwoFactorSetupPanel } from '@/app/_components/two-factor-setup-panel';
import { pageTitle } from '@/app/_server/page-title';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { confirmLoginSetup, continueLogin } from '@/app/login/setup/actions';
import { enableTwoFactorFromLogin } from '@/app/login/two-factor-required/actions';
import { getTwoFactorRequirement } from '@/lib/two-factor/get-two-factor-requirement';
import { readLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('twoFactorSetup.title') };
}

const PATH = '/login/setup';

// Inside the pending login only. The secret lives in the pending login row (encrypted) and in
// this no-store response, never in a URL; after activation it is not shown again. Every state
// renders the one TwoFactorSetupForm at the same place, so a browser without JavaScript finds
// the answer to its post (the recovery codes) in the page rendered after it.
export default async function TwoFactorSetupPage() {
  const t = await getTranslations('twoFactorSetup');
  const pending = await requirePendingLogin('none', 'two_factor_setup');
  const next = { action: continueLogin, label: t('continue') };
  if (pending.nextStep === 'none') {
    return (
      <AuthCard title={t('title')} returnTo={PATH}>
        <TwoFactorSetupForm action={confirmLoginSetup} next={next} status="active" />
      </AuthCard>
    );
  }

  const [requirement, setup] = await Promise.all([getTwoFactorRequirement(pending.user.id), readLoginTwoFactorSetup(pending.token)]);
  const intro = requirement?.hasTwoFactor ? t('reenrollIntro') : t('intro');
  if (!setup) {
    return (
      <AuthCard title={t('title')} returnTo={PATH}>
        <p>{intro}</p>
        <form action={enableTwoFactorFromLogin} className="form__actions">
          <SubmitButton>{t('start')}</SubmitButton>
        </form>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('title')} returnTo={PATH}>
      <TwoFactorSetupForm action={confirmLoginSetup} next={next} status="pending">
        <TwoFactorSetupPanel intro={intro} account={`${pending.user.username}@${pending.tenant.tenantDomain}`} setup={setup} />
      </TwoFactorSetupForm>
    </AuthCard>
  );
}
