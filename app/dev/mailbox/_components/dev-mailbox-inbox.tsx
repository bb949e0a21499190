import { useTranslations } from 'next-intl';
import type { DevMailboxEntry } from '@/lib/email/list-dev-mailbox';
import { DevMailboxList } from './dev-mailbox-list';
import { MainContent } from '@/app/_components/main-content';

/** The whole mailbox page below the root layout, so the browser suite can check it outside development. */
export function DevMailboxInbox({ entries }: { entries: DevMailboxEntry[] }) {
  const t = useTranslations('devMailbox');
  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p className="notice">{t('notice')}</p>
      <DevMailboxList entries={entries} />
    </MainContent>
  );
}
