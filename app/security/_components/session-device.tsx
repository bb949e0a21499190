import { useFormatter, useTranslations } from 'next-intl';
import { describeDevice } from '@/lib/sessions/describe-device';

/** "Chrome 142 on Linux" for a stored User-Agent; the raw string stays in the title for support. */
export function SessionDevice({ userAgent }: { userAgent: string | null }) {
  const t = useTranslations('securityPage.sessions');
  const { browser, os } = describeDevice(userAgent);
  const text = browser && os ? t('device', { browser, os }) : (browser ?? os ?? t('unknownDevice'));
  return <span title={userAgent ?? undefined}>{text}</span>;
}

/** "2 hours ago" (German: "vor 2 Stunden"), with the exact UTC time as datetime and tooltip. */
export function SessionTime({ date, now }: { date: Date; now: Date }) {
  const format = useFormatter();
  const absolute = format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <time dateTime={date.toISOString()} title={`${absolute} UTC`}>
      {format.relativeTime(date, now)}
    </time>
  );
}
