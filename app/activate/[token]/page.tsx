import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountLinkPage } from '@/app/_components/account-link-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('accountLink.titleActivation')} · ${t('app.name')}`, referrer: 'no-referrer' };
}

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AccountLinkPage purpose="activation" token={token} />;
}
