import type { Metadata } from 'next';
import { AccountLinkPage } from '@/app/account-link/_components/account-link-page';
import { pageTitle } from '@/app/_server/page-title';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('accountLink.titleReset'), referrer: 'same-origin' };
}

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AccountLinkPage purpose="password_reset" token={token} />;
}
