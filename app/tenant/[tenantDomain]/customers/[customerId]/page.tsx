import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionResult } from '@/app/_components/action-result';
import { EmailAddress } from '@/app/_components/email-address';
import { MainContent } from '@/app/_components/main-content';
import { SubmitButton } from '@/app/_components/submit-button';
import { readOutcomeMessage } from '@/app/_server/action-outcome';
import { pageTitle } from '@/app/_server/page-title';
import { getClientAddress, requireTenantAccess, requireTenantPermission } from '@/app/_server/request-context';
import { switchToCustomerAction } from '@/app/customer-selection/actions';
import { hasPermission } from '@/lib/access/permissions';
import { recordObjectAccessDenied } from '@/lib/access/audit-actor';
import { CUSTOMER_LICENSES_PAGE_SIZE, findCustomerLicense, listCustomerLicenses } from '@/lib/customers/list-customer-licenses';
import { readOutcome } from '@/lib/forms/action-outcome';
import tableStyles from '@/app/_components/data-table/data-table.module.css';
import { findResellerCustomerRow } from '@/lib/customers/list-reseller-customers';
import { findTenantUserLabel, listUsers } from '@/lib/users/list-users';
import { MAX_PAGE_SIZE, readPageNumber, readPageRequest } from '@/lib/pagination/keyset';
import { editCustomerAction, inviteCustomerAdministratorAction } from '../actions';
import { CustomerDetailsForm } from '../_components/customer-details-form';
import { CustomerStateText } from '../_components/customer-license-state';
import { CustomerLicenses } from '../_components/customer-licenses';
import { InviteAdministratorForm } from '../_components/invite-administrator-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('customers.detail.summary') };
}

type Props = { params: Promise<{ tenantDomain: string; customerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * One customer of the reseller: its tenant domain, administrators (and the invitation of the
 * first one, where a new customer's story continues), licenses with extend and revoke, details.
 */
export default async function CustomerPage({ params, searchParams }: Props) {
  const { tenantDomain, customerId } = await params;
  const access = await requireTenantPermission(tenantDomain, 'customers.view');
  const customer = await findResellerCustomerRow(access, customerId);
  if (!customer) {
    await recordObjectAccessDenied(access, await getClientAddress(), 'customer', customerId);
    notFound();
  }
  const base = `/tenant/${access.actingTenant.tenantDomain}/customers`;
  const hasValidLicense = customer.state === 'valid' || customer.state === 'expiring';
  // The customer's users are read as the reseller acting in that tenant: the access layer decides.
  const customerAccess = hasValidLicense ? await requireTenantAccess(customer.tenantDomain) : null;
  const query = await searchParams;
  const outcomeTarget = readOutcome(query)?.target;
  const [licensePage, adminPage, targetLicense, targetUser, t, format] = await Promise.all([
    listCustomerLicenses(access, [customer.id], { page: readPageRequest(query, CUSTOMER_LICENSES_PAGE_SIZE) }),
    customerAccess && hasPermission(customerAccess, 'users.view')
      ? listUsers(customerAccess, { role: 'admin', page: { cursor: null, towards: 'after', limit: MAX_PAGE_SIZE } })
      : null,
    outcomeTarget ? findCustomerLicense(access, customer.id, outcomeTarget) : null,
    outcomeTarget && customerAccess && hasPermission(customerAccess, 'users.view') ? findTenantUserLabel(customerAccess, outcomeTarget) : null,
    getTranslations('customers'),
    getFormatter(),
  ]);
  const admins = adminPage?.rows ?? null;
  const canInvite = customerAccess !== null && hasPermission(customerAccess, 'users.manage');
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  // The outcome line names its license or user from the database, within this reseller's scope.
  const result = await readOutcomeMessage(query, 'customers', () => ({
    name: customer.name,
    tenantDomain: customer.tenantDomain,
    type: targetLicense ? t(`licenseType.${targetLicense.type}`) : '',
    validUntil: targetLicense ? date(targetLicense.validUntil) : '',
    username: targetUser?.username ?? '',
  }));

  return (
    <MainContent className="page">
      <p>
        <Link href={base}>{t('detail.back')}</Link>
      </p>
      <h1>{customer.name}</h1>
      <ActionResult message={result} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('detail.tenantDomain')}</dt>
          <dd><code className="tenant-domain">{customer.tenantDomain}</code></dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('detail.contactEmail')}</dt>
          <dd>{customer.contactEmail ?? t('detail.none')}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('detail.state')}</dt>
          <dd><CustomerStateText state={customer.state} daysRemaining={customer.daysRemaining} /></dd>
        </div>
      </dl>
      {hasValidLicense ? (
        <form action={switchToCustomerAction} className="page-actions">
          <input type="hidden" name="tenantDomain" value={customer.tenantDomain} />
          <SubmitButton variant="secondary">{t('detail.openTenant', { name: customer.name })}</SubmitButton>
        </form>
      ) : null}

      <section aria-labelledby="customer-administrators">
        <h2 id="customer-administrators">{t('detail.administrators')}</h2>
        {admins === null ? (
          <p className="field__help">{t('invite.unavailable')}</p>
        ) : admins.length === 0 ? (
          <p className="notice">{t('detail.noAdministrators')}</p>
        ) : (
          <ul className="customer-admins" aria-label={t('detail.administratorsCaption', { name: customer.name })}>
            {admins.map((admin) => (
              <li key={admin.id}>
                <strong>{admin.username}</strong> <span className={tableStyles.wrapAnywhere}><EmailAddress address={admin.email} /></span> ·{' '}
                {admin.isActivationPending ? t('detail.activationPending') : admin.twoFactor === 'active' ? t('detail.active') : t('detail.twoFactorMissing')}
              </li>
            ))}
          </ul>
        )}
        {canInvite ? (
          <div className="card form-card">
            <h3>{admins?.length === 0 ? t('invite.titleFirst') : t('invite.title')}</h3>
            <p className="field__help">{t('invite.help', { tenantDomain: customer.tenantDomain })}</p>
            <InviteAdministratorForm
              key={result?.key}
              action={inviteCustomerAdministratorAction.bind(null, customer.tenantDomain)}
              defaultEmail={admins?.length === 0 ? (customer.contactEmail ?? '') : ''}
            />
          </div>
        ) : null}
      </section>

      <CustomerLicenses
        key={result?.key}
        access={access}
        customer={{ id: customer.id, name: customer.name }}
        licenses={licensePage}
        pageNumber={readPageNumber(query.page)}
      />

      {hasPermission(access, 'customers.manage') ? (
        <section aria-labelledby="customer-details">
          <h2 id="customer-details">{t('detail.edit')}</h2>
          <div className="card form-card">
            <CustomerDetailsForm key={result?.key} action={editCustomerAction.bind(null, access.actingTenant.tenantDomain)} customer={customer} />
          </div>
        </section>
      ) : null}
    </MainContent>
  );
}
