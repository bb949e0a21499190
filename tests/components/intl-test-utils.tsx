import { render, type RenderOptions } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { MESSAGES } from '@/messages';

const { de, en } = MESSAGES;

const messages = { en, de } as const;

/** Renders with the real message files, as the root layout's provider would. */
export function renderWithIntl(
  ui: ReactElement,
  { locale = 'en', ...options }: { locale?: keyof typeof messages } & Omit<RenderOptions, 'wrapper'> = {},
) {
  return render(ui, {
    ...options,
    wrapper: ({ children }) => (
      <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="UTC">
        {children}
      </NextIntlClientProvider>
    ),
  });
}
