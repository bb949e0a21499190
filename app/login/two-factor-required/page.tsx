import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TwoFactorRequiredDialog } from '@/app/_components/two-factor-required-dialog';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { enableTwoFactorFromLogin, remindMeLater, requestActivationEmail } from '@/app/login/two-factor-required/actions';
import { getEnv } from '@/lib/env';
import { getTwoFactorRequirement } from '@/lib/two-factor/get-two-factor-requirement';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('twoFactorDialog.title') };
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
    <MainContent className="auth-page">
      <TwoFactorRequiredDialog
        isRspLinked={requirement.isRspLinked}
        resellerPortalUrl={getEnv().RESELLER_PORTAL_URL}
        deadline={requirement.canRemindLater ? requirement.deadline.toISOString() : undefined}
        enableAction={enableTwoFactorFromLogin}
        remindLaterAction={remindMeLater}
        sendActivationEmailAction={requestActivationEmail}
        backHref="/login"
      />
    </MainContent>
  );
}
