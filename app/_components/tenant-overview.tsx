import { useFormatter, useTranslations } from 'next-intl';
import type { TenantKind, LicenseType } from '@/db/schema';
import type { LicenseState } from '@/lib/licenses/license-validity';
import { DataTable, type DataTableColumn } from './data-table/data-table';

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
  const columns: DataTableColumn<TenantOverviewLicense>[] = [
    {
      id: 'type',
      header: t('license.type.label'),
      isRowHeader: true,
      cell: (license) => <span className={`badge badge--${license.type.replace('_', '-')}`}>{t(`license.type.${license.type}`)}</span>,
    },
    { id: 'state', header: t('license.state.label'), cell: (license) => <LicenseStateText license={license} /> },
    { id: 'devices', header: t('license.deviceCount'), isNumeric: true, cell: (license) => format.number(license.deviceCount) },
    { id: 'validFrom', header: t('license.validFrom'), cell: (license) => <time dateTime={license.validFrom}>{formatDate(license.validFrom)}</time> },
    { id: 'validUntil', header: t('license.validUntil'), cell: (license) => <time dateTime={license.validUntil}>{formatDate(license.validUntil)}</time> },
  ];

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
        <DataTable
          caption={t('tenant.overview.licenses')}
          columns={columns}
          rows={licenses}
          rowKey={(license) => license.id}
          emptyMessage={t('tenant.overview.noLicense')}
          path="/"
        />
      </section>
    </div>
  );
}
