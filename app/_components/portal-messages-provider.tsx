import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { browserMessages } from '@/messages';

/**
 * The whole browser catalogue for the portal's pages behind the sign-in. The root layout sends
 * only the sign-in pages' namespaces (messages/index.ts, SIGN_IN_NAMESPACES); this nested provider
 * replaces them for its subtree. A layout, so client navigation into the subtree brings it along.
 */
export async function PortalMessagesProvider({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return <NextIntlClientProvider messages={browserMessages(isLocale(locale) ? locale : DEFAULT_LOCALE)}>{children}</NextIntlClientProvider>;
}

/** For the segments' layout.tsx files: the whole catalogue around the segment's pages. */
export default function PortalMessagesLayout({ children }: { children: ReactNode }) {
  return <PortalMessagesProvider>{children}</PortalMessagesProvider>;
}
