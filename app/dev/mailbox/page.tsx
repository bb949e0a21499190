import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listDevMailbox } from '@/lib/email/list-dev-mailbox';
import { DevMailboxInbox } from './_components/dev-mailbox-inbox';

// Development tool: emails written by the dev mailbox transport (no RESEND_API_KEY). It asks for no
// sign-in only because it never exists in production: every entry point here calls notFound() there,
// so a production server answers 404 whatever is in the table.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('devMailbox');
  return { title: t('title'), robots: { index: false } };
}

export default async function DevMailboxPage() {
  if (process.env.NODE_ENV === 'production') notFound();
  const entries = await listDevMailbox(getDb());
  return <DevMailboxInbox entries={entries} />;
}
