import { redirect } from 'next/navigation';
import { getSession } from '@/app/_server/request-context';
import { homePathOf } from '@/lib/access/permissions';

export default async function HomePage() {
  const session = await getSession();
  // Resellers land on the customer selection; everyone else in their own tenant.
  redirect(!session ? '/login' : homePathOf(session));
}
