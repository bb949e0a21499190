import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { DevMailboxMessage } from '@/lib/email/list-dev-mailbox';
import { MainContent } from '@/app/_components/main-content';

/** The whole message page below the root layout, so the browser suite can check it outside development. */
export function DevMailboxMessageView({ message }: { message: DevMailboxMessage }) {
  const t = useTranslations('devMailbox');
  const format = useFormatter();
  const htmlUrl = `/dev/mailbox/${message.id}/html`;
  return (
    <MainContent className="page">
      <p>
        <Link href="/dev/mailbox">{t('back')}</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('to')}</dt>
          <dd>{message.to}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('time')}</dt>
          <dd>{format.dateTime(message.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('status')}</dt>
          <dd>{message.status}</dd>
        </div>
      </dl>
      <h2>{t('html')}</h2>
      <p>
        <a href={htmlUrl} target="_blank" rel="noopener noreferrer">
          {t('openHtml')}
        </a>
      </p>
      {/* srcdoc, not src: proxy.ts puts its own CSP (frame-ancestors 'none') and next.config's
          X-Frame-Options: DENY on every response, so a framed URL would be refused. A srcdoc frame
          inherits this page's policy (development allows inline styles) and, sandboxed without
          allow-scripts and allow-same-origin, runs no script and cannot reach the portal. The
          email's links carry target="_blank" and open in a new tab. */}
      <iframe
        className="dev-mailbox-frame"
        srcDoc={message.html}
        title={t('frameTitle', { subject: message.subject })}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
      />
      <h2>{t('plainText')}</h2>
      <pre className="dev-mailbox-text">{message.text}</pre>
    </MainContent>
  );
}
