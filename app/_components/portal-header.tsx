import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

type PortalHeaderProps = {
  username: string;
  tenantName: string;
  tenantDomain: string;
  logoutAction: () => Promise<void>;
  localeSwitcher?: ReactNode;
};

export function PortalHeader({ username, tenantName, tenantDomain, logoutAction, localeSwitcher }: PortalHeaderProps) {
  const t = useTranslations();
  return (
    <header className="portal-header">
      <div className="portal-header__inner">
        <p className="portal-header__brand">{t('app.name')}</p>
        <div className="portal-header__account">
          <p className="portal-header__user">{t('header.signedInAs', { username, tenantName, tenantDomain })}</p>
          {localeSwitcher}
          {/* Logout changes state, so it is a POST (a server action), never a link a page could prefetch or embed. */}
          <form action={logoutAction}>
            <button type="submit" className="button button--secondary">
              {t('header.logout')}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
