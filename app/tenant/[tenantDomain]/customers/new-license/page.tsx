import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MainContent } from '@/app/_components/main-content';
import { pageTitle } from '@/app/_server/page-title';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import { recordObjectAccessDenied } from '@/lib/access/audit-actor';
import { findResellerCustomerRow } from '@/lib/customers/list-reseller-customers';
import { createLicenseAction } from '../actions';
import { CreateLicenseForm } from '../_components/create-license-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('customers.create.title') };
}

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * "Create license" as a page of its own (it was a dialog opened by script): for a new customer,
 * or with `?customer=<id>` for one of this reseller's customers.
 */
export default async function NewLicensePage({ params, searchParams }: { params: Promise<{ tenantDomain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'licenses.manage');
  const { customer: customerId } = await searchParams;
  const domain = access.actingTenant.tenantDomain;
  let customer = null;
  if (typeof customerId === 'string') {
    customer = await findResellerCustomerRow(access, customerId);
    if (!customer) {
      await recordObjectAccessDenied(access, await getClientAddress(), 'customer', customerId);
      notFound();
    }
  }
  const t = await getTranslations('customers');
  const now = new Date();
  return (
    <MainContent className="page">
      <p>
        <Link href={`/tenant/${domain}/customers`}>{t('create.back')}</Link>
      </p>
      <h1>{customer ? t('create.title') : t('create.titleNew')}</h1>
      {customer ? null : <p className="field__help">{t('create.existingHint')}</p>}
      <div className="card form-card">
        <CreateLicenseForm
          action={createLicenseAction.bind(null, domain)}
          customer={customer}
          today={isoDay(now)}
          defaultValidUntil={isoDay(new Date(now.getTime() + 365 * DAY_MS))}
        />
      </div>
    </MainContent>
  );
}
