'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { MainContent } from './_components/main-content';
import { REQUEST_REFERENCE_ELEMENT_ID, useRequestReference } from './_components/use-request-reference';

type ErrorPageProps = {
  error: unknown;
  retry: () => void;
};

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const t = useTranslations('errors.generic');
  const reference = useRequestReference(error);
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
        <p>
          {reference
            ? t.rich('body', { requestId: reference, reference: (chunks) => <code id={REQUEST_REFERENCE_ELEMENT_ID}>{chunks}</code> })
            : t('bodyWithoutReference')}
        </p>
        <button type="button" className="button button--primary" onClick={() => retry()}>
          {t('retry')}
        </button>
      </div>
    </MainContent>
  );
}
