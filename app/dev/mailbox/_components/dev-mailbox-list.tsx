import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { DevMailboxEntry } from '@/lib/email/list-dev-mailbox';
import { DataTable, type DataTableColumn } from '@/app/_components/data-table/data-table';

export function DevMailboxList({ entries }: { entries: DevMailboxEntry[] }) {
  const t = useTranslations('devMailbox');
  const format = useFormatter();
  const columns: DataTableColumn<DevMailboxEntry>[] = [
    { id: 'time', header: t('time'), cell: (entry) => <span className="nowrap">{format.dateTime(entry.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</span> },
    { id: 'to', header: t('to'), wrapAnywhere: true, cell: (entry) => entry.to },
    { id: 'subject', header: t('subject'), isRowHeader: true, cell: (entry) => <Link href={`/dev/mailbox/${entry.id}`}>{entry.subject}</Link> },
    { id: 'status', header: t('status'), cell: (entry) => entry.status },
  ];
  return <DataTable caption={t('title')} columns={columns} rows={entries} rowKey={(entry) => entry.id} emptyMessage={t('empty')} path="/dev/mailbox" />;
}
