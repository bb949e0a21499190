import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { hasPermission, type Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';

type NavItem = { segment: string; label: string; permission: Permission };

const ITEMS: NavItem[] = [
  { segment: '', label: 'nav.overview', permission: 'tenant.view' },
  { segment: '/customers', label: 'nav.customers', permission: 'customers.view' },
  { segment: '/compliance', label: 'nav.compliance', permission: 'compliance.view' },
  { segment: '/users', label: 'nav.users', permission: 'users.view' },
  { segment: '/configurations', label: 'nav.configurations', permission: 'configurations.view' },
  { segment: '/audit', label: 'nav.audit', permission: 'audit.view' },
];

/** The tenant's sections the caller's role may open (the pages check again themselves). */
export async function TenantNav({ access }: { access: TenantAccess }) {
  const t = await getTranslations();
  const base = `/tenant/${access.actingTenant.tenantDomain}`;
  return (
    <nav className="tenant-nav" aria-label={t('nav.label')}>
      <ul>
        {ITEMS.filter((item) => hasPermission(access, item.permission)).map((item) => (
          <li key={item.segment}>
            <Link href={`${base}${item.segment}`}>{t(item.label)}</Link>
          </li>
        ))}
        <li>
          <Link href="/security">{t('nav.security')}</Link>
        </li>
      </ul>
    </nav>
  );
}
