import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LogoutButton } from './logout-button';

type PortalHeaderProps = {
  username: string;
  tenantName: string;
  tenantDomain: string;
  localeSwitcher?: ReactNode;
  /** Set when a reseller acts inside a customer tenant: shown as "<customer> (via <reseller>)". */
  resellerName?: string;
  /** The header's customer selection menu ("Switch customer", searchable). */
  customerSelectionMenu?: ReactNode;
  /** Link back to the customer selection, for reseller sessions. */
  customerSelectionHref?: string;
};

export function PortalHeader(props: PortalHeaderProps) {
  const { username, tenantName, tenantDomain, localeSwitcher, resellerName, customerSelectionMenu, customerSelectionHref } = props;
  const t = useTranslations();
  return (
    <header className="portal-header">
      <div className="portal-header__inner">
        <p className="portal-header__brand">{t('app.name')}</p>
        {resellerName ? (
          <p className="portal-header__acting-for">{t('customerSelection.header.actingFor', { customerName: tenantName, resellerName })}</p>
        ) : null}
        <div className="portal-header__account">
          <p className="portal-header__user">{t('header.signedInAs', { username, tenantName, tenantDomain })}</p>
          {customerSelectionMenu}
          {customerSelectionHref ? (
            <Link href={customerSelectionHref} className="button button--secondary">
              {t('customerSelection.header.backToSelection')}
            </Link>
          ) : null}
          {localeSwitcher}
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
