import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { resolveRequestLocale } from '@/lib/i18n/negotiate-locale';
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';

// Static imports per locale (not a template-string import) so the bundler only ever loads our two
// message files and an unexpected value can never reach the file system.
const loadMessages: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../messages/en.json'),
  de: () => import('../messages/de.json'),
};

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveRequestLocale({
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
  return {
    locale,
    messages: (await loadMessages[locale]()).default,
    // Server and browser must format dates alike; licenses are valid per calendar day in UTC.
    timeZone: 'UTC',
  };
});
