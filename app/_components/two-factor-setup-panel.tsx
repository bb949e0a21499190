import { getTranslations } from 'next-intl/server';

type TwoFactorSetupPanelProps = {
  intro: string;
  /** `username@tenant domain`, as the authenticator app will show it. */
  account: string;
  setup: { qrCodeSvg: string; formattedSecret: string };
};

/**
 * The new secret of an enrollment, for the login-screen and the email-link route alike: the
 * steps, the QR code (rendered on the server: a data: URL, no third-party QR service) and the
 * secret for manual entry. Only ever a new, not yet active secret (issue 14.2).
 */
export async function TwoFactorSetupPanel({ intro, account, setup }: TwoFactorSetupPanelProps) {
  const t = await getTranslations('twoFactorSetup');
  return (
    <>
      <p>{intro}</p>
      <ol className="two-factor-setup__steps">
        <li>{t('stepScan')}</li>
        <li>{t('stepConfirm')}</li>
      </ol>
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
          <dd>{account}</dd>
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
    </>
  );
}
