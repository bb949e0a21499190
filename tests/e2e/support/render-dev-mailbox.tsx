// Run with tsx (it reads JSON on stdin, prints JSON): renders the development mailbox's two pages
// with the portal's own components and message files. The production build the browser suite runs
// answers 404 under /dev/mailbox, so the accessibility check loads this markup into Chromium instead.
import { readFileSync } from 'node:fs';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DevMailboxInbox } from '@/app/dev/mailbox/_components/dev-mailbox-inbox';
import { DevMailboxMessageView } from '@/app/dev/mailbox/_components/dev-mailbox-message-view';
import type { DevMailboxEntry, DevMailboxMessage } from '@/lib/email/list-dev-mailbox';
import { MESSAGES } from '@/messages';

type Locale = keyof typeof MESSAGES;

export type DevMailboxRenderInput = {
  entries: (Omit<DevMailboxEntry, 'createdAt'> & { createdAt: string })[];
  message: Omit<DevMailboxMessage, 'createdAt'> & { createdAt: string };
};

export type DevMailboxRendering = { title: string; inbox: string; emptyInbox: string; message: string };
export type DevMailboxRenderOutput = Record<Locale, DevMailboxRendering>;

const input = JSON.parse(readFileSync(0, 'utf8')) as DevMailboxRenderInput;

function renderIn(locale: Locale): DevMailboxRendering {
  const withIntl = (children: ReactNode) =>
    renderToStaticMarkup(
      <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
        {children}
      </NextIntlClientProvider>,
    );
  return {
    title: MESSAGES[locale].devMailbox.title,
    inbox: withIntl(<DevMailboxInbox entries={input.entries.map((entry) => ({ ...entry, createdAt: new Date(entry.createdAt) }))} />),
    emptyInbox: withIntl(<DevMailboxInbox entries={[]} />),
    message: withIntl(<DevMailboxMessageView message={{ ...input.message, createdAt: new Date(input.message.createdAt) }} />),
  };
}

const output: DevMailboxRenderOutput = { en: renderIn('en'), de: renderIn('de') };
process.stdout.write(JSON.stringify(output));
