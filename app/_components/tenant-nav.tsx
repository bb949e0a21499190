import { useTranslations } from 'next-intl';
import { hasPermission, type Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { NavLink } from './nav-link';

type NavItem = { segment: string; label: string; permission: Permission };

const ITEMS: NavItem[] = [
  { segment: '', label: 'overview', permission: 'tenant.view' },
  { segment: '/customers', label: 'customers', permission: 'customers.view' },
  { segment: '/compliance', label: 'compliance', permission: 'compliance.view' },
  { segment: '/users', label: 'users', permission: 'users.view' },
  { segment: '/configurations', label: 'configurations', permission: 'configurations.view' },
  { segment: '/audit', label: 'audit', permission: 'audit.view' },
];

const LIST_ID = 'tenant-nav-list';

/**
 * The tenant's sections the caller's role may open (the pages check again themselves). A row of
 * links; on phones a "Menu" button opens them in a native popover (no JavaScript needed). The
 * person's own pages (Security, language, log out) are in the header's user menu.
 */
export function TenantNav({ access }: { access: TenantAccess }) {
  const t = useTranslations('nav');
  const base = `/tenant/${access.actingTenant.tenantDomain}`;
  return (
    <nav className="tenant-nav" aria-label={t('label')}>
      <div className="tenant-nav__inner">
        <button type="button" className="button button--secondary menu-button__toggle tenant-nav__toggle" popoverTarget={LIST_ID}>
          {t('menu')}
        </button>
        <ul id={LIST_ID} popover="auto" className="tenant-nav__list">
          {ITEMS.filter((item) => hasPermission(access, item.permission)).map((item) => (
            <li key={item.segment}>
              <NavLink href={`${base}${item.segment}`} exact={item.segment === ''}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
