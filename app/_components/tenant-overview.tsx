import { useFormatter, useTranslations } from 'next-intl';
import type { TenantKind, LicenseType } from '@/db/schema';
import type { LicenseState } from '@/lib/licenses/license-validity';

export type TenantOverviewLicense = {
  id: string;
  type: LicenseType;
  deviceCount: number;
  validFrom: string /* ISO */;
  validUntil: string /* ISO */;
  state: LicenseState;
  daysRemaining: number | null;
};

export type TenantOverviewProps = {
  tenant: { name: string; tenantDomain: string; kind: TenantKind };
  licenses: TenantOverviewLicense[];
};

const STATE_MESSAGE = {
  valid: 'valid',
  expired: 'expired',
  not_yet_valid: 'notYetValid',
  revoked: 'revoked',
} as const satisfies Record<LicenseState, string>;

/** Within this many days a valid license is shown as expiring soon. */
const EXPIRY_WARNING_DAYS = 30;

function LicenseStateText({ license }: { license: TenantOverviewLicense }) {
  const t = useTranslations('license.state');
  const { state, daysRemaining } = license;
  if (state === 'valid' && daysRemaining !== null) {
    const isExpiringSoon = daysRemaining <= EXPIRY_WARNING_DAYS;
    return (
      <span className={`license-state license-state--${isExpiringSoon ? 'expiring' : 'valid'}`}>
        {t('expiresInDays', { days: daysRemaining })}
      </span>
    );
  }
  return <span className={`license-state license-state--${state}`}>{t(STATE_MESSAGE[state])}</span>;
}

export function TenantOverview({ tenant, licenses }: TenantOverviewProps) {
  const t = useTranslations();
  const format = useFormatter();
  // Licenses run per calendar day in UTC; showing them in another zone could shift a date by one.
  const formatDate = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <div className="tenant-overview">
      <h1>{t('tenant.overview.title')}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('tenant.overview.name')}</dt>
          <dd>{tenant.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('tenant.overview.tenantDomain')}</dt>
          <dd>
            <code className="tenant-domain">{tenant.tenantDomain}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('tenant.overview.kind.label')}</dt>
          <dd>{t(`tenant.overview.kind.${tenant.kind}`)}</dd>
        </div>
      </dl>

      <section aria-labelledby="tenant-overview-licenses">
        <h2 id="tenant-overview-licenses">{t('tenant.overview.licenses')}</h2>
        {licenses.length === 0 ? (
          <p className="empty-state">{t('tenant.overview.noLicense')}</p>
        ) : (
          // Focusable so keyboard users can scroll the table sideways on narrow screens.
          <div className="table-scroll" role="region" aria-labelledby="tenant-overview-licenses" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('license.type.label')}</th>
                  <th scope="col">{t('license.state.label')}</th>
                  <th scope="col" className="data-table__number">
                    {t('license.deviceCount')}
                  </th>
                  <th scope="col">{t('license.validFrom')}</th>
                  <th scope="col">{t('license.validUntil')}</th>
                </tr>
              </thead>
              <tbody>
                {licenses.map((license) => (
                  <tr key={license.id}>
                    <th scope="row">
                      <span className={`badge badge--${license.type.replace('_', '-')}`}>
                        {t(`license.type.${license.type}`)}
                      </span>
                    </th>
                    <td>
                      <LicenseStateText license={license} />
                    </td>
                    <td className="data-table__number">{format.number(license.deviceCount)}</td>
                    <td>
                      <time dateTime={license.validFrom}>{formatDate(license.validFrom)}</time>
                    </td>
                    <td>
                      <time dateTime={license.validUntil}>{formatDate(license.validUntil)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
