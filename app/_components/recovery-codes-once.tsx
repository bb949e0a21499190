'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';

/** Recovery codes shown once: a list, copy to clipboard and a .txt download (built in the browser). */
export function RecoveryCodesOnce({ codes }: { codes: string[] }) {
  const t = useTranslations('recoveryCodes');
  const [copied, setCopied] = useState(false);
  const text = `${codes.join('\n')}\n`;
  const downloadHref = useMemo(() => `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`, [text]);
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-once-title">
      <h2 id="recovery-codes-once-title" tabIndex={-1}>
        {t('title')}
      </h2>
      <p>{t('intro', { count: codes.length })}</p>
      <ul className="recovery-codes__list" aria-label={t('title')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {t('copy')}
        </button>
        <a className="button button--secondary" href={downloadHref} download="recovery-codes.txt">
          {t('download')}
        </a>
      </div>
      <p role="status" aria-live="polite">
        {copied ? t('copied') : null}
      </p>
    </section>
  );
}
