import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TwoFactorRequiredDialog } from '@/app/_components/two-factor-required-dialog';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { enableTwoFactorFromLogin, remindMeLater, requestActivationEmail } from '@/app/login/two-factor-required/actions';
import { getEnv } from '@/lib/env';
import { getTwoFactorRequirement } from '@/lib/two-factor/get-two-factor-requirement';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('twoFactorDialog.title')} · ${t('app.name')}` };
}

// Administrators without two-factor stop here: the pending login never becomes a session
// unless they enroll, or (before the deadline only) choose "Remind me later".
export default async function TwoFactorRequiredPage() {
  const pending = await requirePendingLogin('two_factor_setup');
  const requirement = await getTwoFactorRequirement(pending.user.id);
  if (!requirement) redirect('/login?reason=expired');
  // Re-enrollment after the last recovery code: straight to the setup.
  if (requirement.hasTwoFactor) redirect('/login/setup');
  return (
    <main id="main" className="auth-page">
      <TwoFactorRequiredDialog
        isRspLinked={requirement.isRspLinked}
        resellerPortalUrl={getEnv().RESELLER_PORTAL_URL}
        deadline={requirement.canRemindLater ? requirement.deadline.toISOString() : undefined}
        enableAction={enableTwoFactorFromLogin}
        remindLaterAction={remindMeLater}
        sendActivationEmailAction={requestActivationEmail}
        backHref="/login"
      />
    </main>
  );
}
