import { redirect } from 'next/navigation';
import { getSession } from '@/app/_server/request-context';

export default async function HomePage() {
  const session = await getSession();
  // Resellers land on the customer selection (the switcher); everyone else in their own tenant.
  redirect(!session ? '/login' : session.tenant.kind === 'reseller' ? '/customers' : `/tenant/${session.tenant.tenantDomain}`);
}
