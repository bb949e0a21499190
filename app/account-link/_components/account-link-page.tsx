import { getTranslations } from 'next-intl/server';
import { choosePasswordAction, confirmTwoFactorAction, verifySecondFactorAction } from '../actions';
import { ACCOUNT_LINK_PATHS, type AccountLinkPurpose } from '@/lib/auth/account-tokens';
import { PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR } from '@/lib/auth/password-policy';
import { loadAccountLink, type AccountLink } from '@/lib/account-link/load-account-link';
import { readTwoFactorSetup } from '@/lib/two-factor/start-two-factor-setup';
import { NewPasswordForm, SecondFactorForm } from './account-link-forms';
import { AuthCard } from '@/app/_components/auth-card';
import { TwoFactorSetupForm } from '@/app/_components/two-factor-setup-form';
import { TwoFactorSetupPanel } from '@/app/_components/two-factor-setup-panel';

/**
 * One page for reset and activation links: the step comes from the link's state on the server.
 * The setup form keeps its place whatever the state, so that a browser without JavaScript, whose
 * post used the link up, still finds its recovery codes in the page rendered after the post.
 */
export async function AccountLinkPage({ purpose, token }: { purpose: AccountLinkPurpose; token: string }) {
  const t = await getTranslations('accountLink');
  const link = await loadAccountLink(token, purpose);
  const title = t(purpose === 'password_reset' ? 'titleReset' : 'titleActivation');
  const ref = { purpose, token };
  const account = link ? `${link.user.username}@${link.tenant.tenantDomain}` : undefined;
  const setupStatus = !link ? 'unavailable' : link.step === 'set_up_two_factor' ? 'pending' : 'hidden';
  return (
    <AuthCard title={title} account={account} returnTo={`${ACCOUNT_LINK_PATHS[purpose]}/${token}`}>
      {link?.step === 'verify_second_factor' ? (
        <>
          <p>{t('secondFactor.intro')}</p>
          <SecondFactorForm action={verifySecondFactorAction.bind(null, ref)} />
        </>
      ) : null}
      {link?.step === 'choose_password' ? (
        <NewPasswordForm
          action={choosePasswordAction.bind(null, ref)}
          minLength={PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR}
          offerNewAuthenticator={link.mayReplaceAuthenticator}
        />
      ) : null}
      <TwoFactorSetupForm
        action={confirmTwoFactorAction.bind(null, ref)}
        next={{ href: '/login', label: t('backToLogin') }}
        status={setupStatus}
        fallback={
          <>
            <p role="alert">{t('invalid')}</p>
            <a href="/password-forgotten">{t('requestNew')}</a>
          </>
        }
      >
        {link && setupStatus === 'pending' ? <LinkSetupPanel link={link} /> : null}
      </TwoFactorSetupForm>
    </AuthCard>
  );
}

/** The new secret waiting on the link (never the active one): the same panel as the login screen's setup. */
async function LinkSetupPanel({ link }: { link: AccountLink }) {
  const t = await getTranslations('twoFactorSetup');
  if (!link.token.twoFactorSetupSecretEncrypted) return null;
  const setup = await readTwoFactorSetup({
    userId: link.user.id,
    username: link.user.username,
    tenantDomain: link.tenant.tenantDomain,
    secretEncrypted: link.token.twoFactorSetupSecretEncrypted,
  });
  const intro = link.user.hasTwoFactor ? t('newDeviceIntro') : t('intro');
  return <TwoFactorSetupPanel intro={intro} account={`${link.user.username}@${link.tenant.tenantDomain}`} setup={setup} />;
}
