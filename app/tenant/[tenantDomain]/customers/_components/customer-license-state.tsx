import { useTranslations } from 'next-intl';
import type { LicenseType } from '@/db/schema';
import type { CustomerLicenseState } from '@/lib/customers/list-reseller-customers';

/** A customer's license state as the customer list and the customer's page show it. */
export function CustomerStateText({ state, daysRemaining }: { state: CustomerLicenseState; daysRemaining: number | null }) {
  const t = useTranslations('customers');
  const look = state === 'none' ? 'expired' : state;
  return <span className={`license-state license-state--${look}`}>{t(`state.${state}`, { days: daysRemaining ?? 0 })}</span>;
}

export function CustomerLicenseBadges({ types }: { types: ReadonlyArray<LicenseType> }) {
  const t = useTranslations('customers');
  if (types.length === 0) return <>–</>;
  return (
    <>
      {types.map((type) => (
        <span key={type} className={`badge badge--${type === 'mdm' ? 'mdm' : 'mobile-security'}`}>
          {t(`licenseType.${type}`)}
        </span>
      ))}
    </>
  );
}
