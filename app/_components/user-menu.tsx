import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LanguageSwitcher } from './language-switcher';
import { LogoutButton } from './logout-button';

type UserMenuProps = {
  username: string;
  /** The signed-in person's own tenant (a reseller's, also while it acts for a customer). */
  accountTenantName: string;
  /** Where the language switch returns to; default: the current page. */
  returnTo?: string;
  /** Replaceable in tests; the portal uses the `setLocale` server action. */
  languageAction?: (formData: FormData) => Promise<void>;
};

const MENU_ID = 'user-menu';

/**
 * The header's account menu: Security, the two languages and Log out, in a native popover (HTML
 * opens it and closes it on Escape or a click outside, also without JavaScript; every entry is a
 * link or a plain form).
 */
export function UserMenu({ username, accountTenantName, returnTo, languageAction }: UserMenuProps) {
  const t = useTranslations('header');
  const headingId = `${MENU_ID}-language`;
  return (
    <div className="user-menu">
      <button type="button" className="button button--secondary menu-button__toggle user-menu__toggle" popoverTarget={MENU_ID}>
        {t('accountMenu')}
      </button>
      <div id={MENU_ID} popover="auto" role="group" aria-label={t('accountMenu')} className="menu-panel user-menu__panel">
        <p className="user-menu__who">{t('signedInAs', { username, tenantName: accountTenantName })}</p>
        <ul className="menu-panel__list">
          <li>
            <Link href="/security" className="menu-panel__item">
              {t('security')}
            </Link>
          </li>
        </ul>
        <p id={headingId} className="menu-panel__heading">
          {t('language')}
        </p>
        <LanguageSwitcher returnTo={returnTo} action={languageAction} appearance="menu" />
        <ul className="menu-panel__list">
          <li>
            <LogoutButton className="menu-panel__item" />
          </li>
        </ul>
      </div>
    </div>
  );
}
