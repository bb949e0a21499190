import { render } from '@react-email/components';
import { createElement } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { createEmailTranslator } from './email-translator';
import type { EmailMessage } from './email-types';
import { buildEmailContent } from './templates/build-email-content';
import { EmailLayout } from './templates/email-layout';

export type RenderedEmail = { subject: string; html: string; text: string };

/** Renders one email in the recipient's language: subject, HTML and the plain-text part. */
export async function renderEmail(message: EmailMessage, locale: Locale): Promise<RenderedEmail> {
  const t = createEmailTranslator(locale);
  const content = buildEmailContent(message, t, locale);
  const element = createElement(EmailLayout, {
    content,
    locale,
    productLabel: t('productName'),
    linkFallback: t('linkFallback'),
  });
  // React Email's render is async (v1+); `plainText` turns the same markup into the text part
  // (html-to-text with React Email's selectors, e.g. the hidden preview line is left out).
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: content.subject, html, text };
}
