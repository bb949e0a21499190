import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getDevMailboxMessage } from '@/lib/email/list-dev-mailbox';
import { DevMailboxMessageView } from '../_components/dev-mailbox-message-view';

// Development only, like /dev/mailbox: production answers 404 (which is why it needs no sign-in).
export const dynamic = 'force-dynamic';

export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (process.env.NODE_ENV === 'production') notFound();
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const message = await getDevMailboxMessage(getDb(), parsed.data);
  if (!message) notFound();
  return <DevMailboxMessageView message={message} />;
}
