import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { choosePasswordAction, confirmTwoFactorAction, verifySecondFactorAction } from '@/app/account-link/actions';
import { PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR } from '@/lib/auth/password-policy';
import type { AccountLinkPurpose } from '@/lib/account-tokens/issue-account-token';
import { loadAccountLink } from '@/lib/password-reset/load-account-link';
import { readTwoFactorSetup } from '@/lib/two-factor/start-two-factor-setup';
import { ConfirmTwoFactorForm, NewPasswordForm, SecondFactorForm } from './account-link-forms';
import { AuthCard } from '@/app/_components/auth-card';

/** One page for reset and activation links: the step comes from the link's state on the server. */
export async function AccountLinkPage({ purpose, token }: { purpose: AccountLinkPurpose; token: string }) {
  const t = await getTranslations('accountLink');
  const link = await loadAccountLink(token, purpose);
  const title = t(purpose === 'password_reset' ? 'titleReset' : 'titleActivation');
  if (!link) {
    return (
      <AuthCard title={title}>
        <p role="alert">{t('invalid')}</p>
        <Link href="/password-forgotten">{t('requestNew')}</Link>
      </AuthCard>
    );
  }
  const ref = { purpose, token };
  const account = `${link.user.username}@${link.tenant.tenantDomain}`;
  return (
    <AuthCard title={title} product={account}>
      {link.step === 'verify_second_factor' ? (
        <>
          <p>{t('secondFactor.intro')}</p>
          <SecondFactorForm action={verifySecondFactorAction.bind(null, ref)} />
        </>
      ) : null}
      {link.step === 'choose_password' ? (
        <NewPasswordForm
          action={choosePasswordAction.bind(null, ref)}
          minLength={PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR}
          offerNewAuthenticator={link.mayReplaceAuthenticator}
        />
      ) : null}
      {link.step === 'set_up_two_factor' && link.token.twoFactorSetupSecretEncrypted ? (
        <TwoFactorSetupStep link={{ ...link, secretEncrypted: link.token.twoFactorSetupSecretEncrypted }} linkRef={ref} />
      ) : null}
    </AuthCard>
  );
}

function QrCode({ svg, alt }: { svg: string; alt: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing for next/image to optimise
    <img className="two-factor-qr" src={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`} alt={alt} width={200} height={200} />
  );
}

async function TwoFactorSetupStep({
  link,
  linkRef,
}: {
  link: { user: { id: string; username: string }; tenant: { tenantDomain: string }; secretEncrypted: string };
  linkRef: { purpose: AccountLinkPurpose; token: string };
}) {
  const t = await getTranslations('accountLink');
  const setup = await readTwoFactorSetup({
    userId: link.user.id,
    username: link.user.username,
    tenantDomain: link.tenant.tenantDomain,
    secretEncrypted: link.secretEncrypted,
  });
  return (
    <>
      <p>{t('setup.intro')}</p>
      {/* Rendered on the server from the secret; never part of a URL or a log line. */}
      <QrCode svg={setup.qrCodeSvg} alt={t('setup.qrAlt')} />
      <p>
        {t('setup.manual')} <code className="two-factor-secret">{setup.formattedSecret}</code>
      </p>
      <p className="field__help">{t('setup.issuer', { issuer: 'Mobile Security Portal', label: `${link.user.username}@${link.tenant.tenantDomain}` })}</p>
      <ConfirmTwoFactorForm action={confirmTwoFactorAction.bind(null, linkRef)} loginHref="/login" />
    </>
  );
}
