import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LanguageSwitcher } from '@/app/_components/language-switcher';
import { MainContent } from '@/app/_components/main-content';
import { TwoFactorRequiredDialog } from '@/app/_components/two-factor-required-dialog';
import { pageTitle } from '@/app/_server/page-title';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { restartResellerPortalSignIn } from '@/app/login/reseller-portal/actions';
import { enableTwoFactorFromLogin, remindMeLater, requestActivationEmail } from '@/app/login/two-factor-required/actions';
import { getEnv } from '@/lib/env';
import { getSignInTwoFactorRequirement } from '@/lib/two-factor/sign-in-two-factor-requirement';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('twoFactorDialog.title') };
}

// Administrators without two-factor (and anyone whose two-factor an administrator reset) stop
// here: the pending login never becomes a session unless they enroll, or (before the deadline
// only) choose "Remind me later". The dialog is in the server HTML, open (issue 9).
export default async function TwoFactorRequiredPage() {
  const pending = await requirePendingLogin('two_factor_setup');
  // After the reseller portal: its RSP variant, with the way back to the reseller portal (issue 15).
  const requirement = await getSignInTwoFactorRequirement(pending);
  const isResellerPortalSignIn = pending.method === 'reseller_portal';
  if (!requirement) redirect('/login?reason=expired');
  // Re-enrollment after the last recovery code: straight to the setup.
  if (requirement.hasTwoFactor) redirect('/login/setup');
  return (
    <MainContent className="auth-page">
      <TwoFactorRequiredDialog
        isRspLinked={requirement.isRspLinked}
        isReset={requirement.isReset && !isResellerPortalSignIn}
        resellerPortalUrl={getEnv().RESELLER_PORTAL_URL}
        deadline={requirement.canRemindLater ? requirement.deadline.toISOString() : undefined}
        enableAction={enableTwoFactorFromLogin}
        remindLaterAction={remindMeLater}
        sendActivationEmailAction={requestActivationEmail}
        resellerPortalSignInAction={isResellerPortalSignIn ? restartResellerPortalSignIn : undefined}
        backHref="/login"
        languageSwitcher={<LanguageSwitcher returnTo="/login/two-factor-required" />}
      />
    </MainContent>
  );
}
