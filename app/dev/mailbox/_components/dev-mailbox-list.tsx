import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { DevMailboxEntry } from '@/lib/email/list-dev-mailbox';

export function DevMailboxList({ entries }: { entries: DevMailboxEntry[] }) {
  const t = useTranslations('devMailbox');
  const format = useFormatter();
  if (entries.length === 0) return <p className="empty-state">{t('empty')}</p>;
  return (
    // Not the DataTable: the accessibility suite renders this development tool outside Next.js
    // (tests/e2e/support/render-dev-mailbox.tsx), where CSS modules cannot load.
    <div className="table-scroll" role="region" aria-label={t('title')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('to')}</th>
            <th scope="col">{t('subject')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{format.dateTime(entry.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
              <td>{entry.to}</td>
              <td>
                <Link href={`/dev/mailbox/${entry.id}`}>{entry.subject}</Link>
              </td>
              <td>{entry.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
