// The portal's languages. URLs carry no locale: the choice lives in a cookie, else the browser's
// Accept-Language header decides (see i18n/request.ts).
export const LOCALES = ['en', 'de'] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie name next-intl's own middleware would use, so a later switch to it keeps choices. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
