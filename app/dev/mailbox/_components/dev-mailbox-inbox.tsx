import { useTranslations } from 'next-intl';
import type { DevMailboxEntry } from '@/lib/email/list-dev-mailbox';
import { DevMailboxList } from './dev-mailbox-list';

/** The whole mailbox page below the root layout, so the browser suite can check it outside development. */
export function DevMailboxInbox({ entries }: { entries: DevMailboxEntry[] }) {
  const t = useTranslations('devMailbox');
  return (
    <main className="page" id="main">
      <h1>{t('title')}</h1>
      <p className="notice">{t('notice')}</p>
      <DevMailboxList entries={entries} />
    </main>
  );
}
