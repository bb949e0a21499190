import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { resolveRequestLocale } from '@/lib/i18n/negotiate-locale';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { MESSAGES } from '@/messages';

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveRequestLocale({
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
  return {
    locale,
    messages: MESSAGES[locale],
    // Server and browser must format dates alike; licenses are valid per calendar day in UTC.
    timeZone: 'UTC',
  };
});
