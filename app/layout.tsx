import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { pickMessages, SIGN_IN_MESSAGES } from '@/messages';
import { MAIN_CONTENT_ID } from './_components/main-content';
import { RequestIdProvider } from './_components/request-id-context';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  // Pages set their full title ("Log in · Mobile Security Portal"), so there is no template here.
  return { title: t('name'), description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts sends a fresh CSP nonce with every request. Reading a request header keeps every page
  // dynamically rendered, which the nonce needs; Next itself takes the nonce from the CSP header and
  // puts it on its scripts, so we add no inline script or style of our own.
  const requestHeaders = await headers();
  requestHeaders.get('x-nonce');
  // For the error page's reference (server.mjs gives every request an id).
  const requestId = requestHeaders.get('x-request-id') ?? undefined;
  const [locale, t] = await Promise.all([getLocale(), getTranslations('app')]);

  return (
    <html lang={locale}>
      <body>
        <a href={`#${MAIN_CONTENT_ID}`} className="skip-link">
          {t('skipToContent')}
        </a>
        {/* next-intl 4 passes locale, time zone and formats on from i18n/request.ts; the messages of
            the sign-in pages only (issue 11): the other parts of the portal send their own
            in their layouts (PortalMessagesProvider). */}
        <NextIntlClientProvider messages={pickMessages(isLocale(locale) ? locale : DEFAULT_LOCALE, SIGN_IN_MESSAGES)}>
          <RequestIdProvider requestId={requestId}>{children}</RequestIdProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
