import { redirect } from 'next/navigation';
import { getSession } from '@/app/_server/request-context';

export default async function HomePage() {
  const session = await getSession();
  redirect(session ? `/tenant/${session.tenant.tenantDomain}` : '/login');
}
