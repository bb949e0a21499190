'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { MainContent } from './_components/main-content';

type ErrorPageProps = {
  error: unknown;
  retry: () => void;
};

/** The digest Next attaches to server errors: it matches the server's log line, and reveals nothing. */
function requestIdOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  return typeof error.digest === 'string' ? error.digest : undefined;
}

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const t = useTranslations('errors.generic');
  const requestId = requestIdOf(error);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Server errors are logged on the server; this catches the ones thrown in the browser.
    console.error(error);
    // The page content was swapped without a navigation: tell keyboard and screen reader users.
    headingRef.current?.focus();
  }, [error]);

  return (
    <MainContent className="page page--centered">
      <div className="card">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('title')}
        </h1>
        <p>{requestId ? t('body', { requestId }) : t('bodyWithoutReference')}</p>
        <button type="button" className="button button--primary" onClick={() => retry()}>
          {t('retry')}
        </button>
      </div>
    </MainContent>
  );
}
