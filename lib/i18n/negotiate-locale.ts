import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

// A header is attacker-controlled input: bound the work we do on it.
const MAX_HEADER_LENGTH = 2000;
const MAX_ENTRIES = 50;

type Preference = { language: string; quality: number; position: number };

function parseQuality(parameters: string[]): number | null {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=').map((part) => part.trim());
    if (name?.toLowerCase() !== 'q') continue;
    // RFC 9110 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    if (!value || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return null;
    return Number(value);
  }
  return 1;
}

function parsePreferences(acceptLanguage: string): Preference[] {
  const preferences: Preference[] = [];
  const entries = acceptLanguage.slice(0, MAX_HEADER_LENGTH).split(',').slice(0, MAX_ENTRIES);
  entries.forEach((entry, position) => {
    const [range, ...parameters] = entry.split(';');
    const tag = range?.trim().toLowerCase();
    if (!tag) return;
    const quality = parseQuality(parameters);
    // A malformed q-value makes the entry unusable; q=0 means "not acceptable".
    if (quality === null || quality === 0) return;
    const language = tag === '*' ? '*' : (tag.split(/[-_]/)[0] ?? '');
    if (!language) return;
    preferences.push({ language, quality, position });
  });
  return preferences.sort((a, b) => b.quality - a.quality || a.position - b.position);
}

/**
 * Picks the portal language from an Accept-Language header (RFC 9110 12.5.4): highest q-value
 * first, ties in header order, region subtags ignored (`de-AT` → `de`), default English.
 */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  for (const { language } of parsePreferences(acceptLanguage)) {
    if (language === '*') return DEFAULT_LOCALE;
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** The cookie wins when it names a supported locale; anything else falls back to the header. */
export function resolveRequestLocale(options: {
  cookieLocale: string | undefined;
  acceptLanguage: string | null;
}): Locale {
  if (isLocale(options.cookieLocale)) return options.cookieLocale;
  return negotiateLocale(options.acceptLanguage);
}
