import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TwoFactorSetupForm } from '@/app/_components/two-factor-setup-form';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { confirmLoginSetup, continueLogin } from '@/app/login/setup/actions';
import { enableTwoFactorFromLogin } from '@/app/login/two-factor-required/actions';
import { getTwoFactorRequirement } from '@/lib/two-factor/get-two-factor-requirement';
import { readLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { pageTitle } from '@/app/_server/page-title';
import { AuthCard } from '@/app/_components/auth-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('twoFactorSetup.title') };
}

// Inside the pending login only. The secret lives in the pending login row (encrypted) and in
// this no-store response, never in a URL; after activation it is not shown again.
export default async function TwoFactorSetupPage() {
  const t = await getTranslations('twoFactorSetup');
  const pending = await requirePendingLogin('none', 'two_factor_setup');
  const { token } = pending;
  if (pending.nextStep === 'none') return <Shell title={t('title')}><ContinueOnly label={t('continue')} text={t('alreadyActive')} /></Shell>;

  const [requirement, setup] = await Promise.all([getTwoFactorRequirement(pending.user.id), readLoginTwoFactorSetup(token)]);
  const intro = requirement?.hasTwoFactor ? t('reenrollIntro') : t('intro');
  if (!setup) {
    return (
      <Shell title={t('title')}>
        <p>{intro}</p>
        <form action={enableTwoFactorFromLogin} className="form__actions">
          <button type="submit" className="button button--primary">
            {t('start')}
          </button>
        </form>
      </Shell>
    );
  }
  const label = `${pending.user.username}@${pending.tenant.tenantDomain}`;
  return (
    <Shell title={t('title')}>
      <TwoFactorSetupForm action={confirmLoginSetup} continueAction={continueLogin}>
        <p>{intro}</p>
        <ol className="two-factor-setup__steps">
          <li>{t('stepScan')}</li>
          <li>{t('stepConfirm')}</li>
        </ol>
        {/* Rendered on the server (qrcode); CSP allows data: images, no third-party QR service. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL; there is nothing to optimise */}
        <img
          className="two-factor-setup__qr"
          src={`data:image/svg+xml;base64,${Buffer.from(setup.qrCodeSvg).toString('base64')}`}
          alt={t('qrAlt')}
          width={200}
          height={200}
        />
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t('issuer')}</dt>
            <dd>Mobile Security Portal</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t('account')}</dt>
            <dd>{label}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t('secret')}</dt>
            <dd>
              <code className="two-factor-secret" data-testid="two-factor-secret">
                {setup.formattedSecret}
              </code>
            </dd>
          </div>
        </dl>
      </TwoFactorSetupForm>
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <AuthCard title={title}>{children}</AuthCard>
  );
}

function ContinueOnly({ label, text }: { label: string; text: string }) {
  return (
    <>
      <p>{text}</p>
      <form action={continueLogin} className="form__actions">
        <button type="submit" className="button button--primary">
          {label}
        </button>
      </form>
    </>
  );
}
