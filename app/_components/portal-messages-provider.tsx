import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { PORTAL_MESSAGES, pickMessages } from '@/messages';

/**
 * The messages the client components behind the sign-in look up (messages/index.ts,
 * PORTAL_MESSAGES). The root layout sends the sign-in pages' messages; this nested provider
 * replaces them for its subtree. A layout, so client navigation into the subtree brings it along.
 */
export async function PortalMessagesProvider({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return <NextIntlClientProvider messages={pickMessages(isLocale(locale) ? locale : DEFAULT_LOCALE, PORTAL_MESSAGES)}>{children}</NextIntlClientProvider>;
}

/** For the segments' layout.tsx files: the portal's client messages around the segment's pages. */
export default function PortalMessagesLayout({ children }: { children: ReactNode }) {
  return <PortalMessagesProvider>{children}</PortalMessagesProvider>;
}
