import { createTranslator, type AbstractIntlMessages } from 'use-intl/core';
import deEmail from '@/messages/de/email.json';
import enEmail from '@/messages/en/email.json';
import type { Locale } from '@/lib/i18n/locales';

export type EmailValues = Record<string, string | number>;
export type EmailTranslator = (key: string, values?: EmailValues) => string;

const EMAIL_MESSAGES: Record<Locale, AbstractIntlMessages> = { en: enEmail.email, de: deEmail.email };

/**
 * The email texts in the recipient's language through use-intl, the formatter next-intl uses for
 * the pages: the full ICU syntax (plural, select, number and date arguments, apostrophe escapes)
 * for the same message files. A missing key or value throws instead of sending a broken email
 * (next-intl's default would print the key and log).
 */
export function createEmailTranslator(locale: Locale): EmailTranslator {
  const t = createTranslator({
    locale,
    messages: EMAIL_MESSAGES[locale],
    // Dates in emails (license validity) are calendar days in UTC, as on the pages (i18n/request.ts).
    timeZone: 'UTC',
    onError: (error) => {
      throw error;
    },
  });
  // The message keys are checked by the templates' tests in both languages, not by the type system.
  return (key, values) => (t as unknown as (key: string, values?: EmailValues) => string)(key, values);
}
