import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';
import { UserMenu } from './user-menu';

type PortalHeaderProps = {
  /** The signed-in person. */
  username: string;
  /** The tenant the page acts in (a customer's, while a reseller acts for it). */
  tenantName: string;
  tenantDomain: string;
  /** Set when a reseller acts inside a customer tenant: the reseller's own name. */
  resellerName?: string;
  /** Where the language switch in the user menu returns to; default: the current page. */
  returnTo?: string;
  /** The customer switcher, for resellers (CustomerSelectionMenu). */
  customerSwitcher?: ReactNode;
  /** Replaceable in tests; the portal uses the `setLocale` server action. */
  languageAction?: (formData: FormData) => Promise<void>;
};

/**
 * The app shell's header, one row at desktop widths: the brand, a context chip saying who acts
 * where, the customer switcher (resellers) and the user menu. Everything in it works without
 * JavaScript (links, plain forms, native <details>/popover menus).
 */
export function PortalHeader({ username, tenantName, tenantDomain, resellerName, returnTo, customerSwitcher, languageAction }: PortalHeaderProps) {
  const t = useTranslations('header');
  const tApp = useTranslations('app');
  const tenant = (chunks: ReactNode) => <span className="context-chip__tenant">{chunks}</span>;
  return (
    <header className="portal-header">
      <div className="portal-header__inner">
        <Link href="/" className="portal-header__brand">
          <BrandMark />
          <span className="portal-header__brand-name">{tApp('name')}</span>
        </Link>
        <p className={resellerName ? 'context-chip context-chip--acting' : 'context-chip'}>
          {resellerName
            ? t.rich('context.actingFor', { tenantName, username, resellerName, tenant })
            : t.rich('context.own', { tenantName, tenantDomain, username, tenant })}
        </p>
        <div className="portal-header__actions">
          {customerSwitcher}
          <UserMenu username={username} accountTenantName={resellerName ?? tenantName} returnTo={returnTo} languageAction={languageAction} />
        </div>
      </div>
    </header>
  );
}
