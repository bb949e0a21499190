import deEmail from '@/messages/de/email.json';
import enEmail from '@/messages/en/email.json';
import type { Locale } from '@/lib/i18n/locales';

export type EmailValues = Record<string, string | number>;
export type EmailTranslator = (key: string, values?: EmailValues) => string;

type MessageTree = { [key: string]: string | MessageTree };

const EMAIL_MESSAGES: Record<Locale, MessageTree> = { en: enEmail.email, de: deEmail.email };

// Why not next-intl's createTranslator: use-intl ships ESM only, and the worker also runs under
// jest's CommonJS projects (unit, integration) whose config does not transform node_modules.
// Email texts need only `{name}` and `{n, plural, =0 {…} one {# …} other {# …}}`, which this
// small formatter covers with the same ICU syntax, so the message files stay next-intl compatible.

function lookUp(tree: MessageTree, key: string): string {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`Missing email message: email.${key}`);
  return node;
}

/** Index of the brace that closes the one opened at `open`. */
function findClosingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    if (text[index] === '}') depth -= 1;
    if (depth === 0) return index;
  }
  throw new Error(`Unbalanced braces in email message: ${text}`);
}

function selectPlural(options: string, count: number, locale: Locale): string {
  const choices = new Map<string, string>();
  let rest = options.trim();
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    if (open < 0) break;
    const close = findClosingBrace(rest, open);
    choices.set(rest.slice(0, open).trim(), rest.slice(open + 1, close));
    rest = rest.slice(close + 1).trim();
  }
  const category = new Intl.PluralRules(locale).select(count);
  const chosen = choices.get(`=${count}`) ?? choices.get(category) ?? choices.get('other') ?? '';
  return chosen.replaceAll('#', new Intl.NumberFormat(locale).format(count));
}

export function formatEmailMessage(message: string, values: EmailValues, locale: Locale): string {
  let result = '';
  let index = 0;
  while (index < message.length) {
    const open = message.indexOf('{', index);
    if (open < 0) break;
    const close = findClosingBrace(message, open);
    result += message.slice(index, open);
    const [name = '', kind, ...rest] = message.slice(open + 1, close).split(',');
    const value = values[name.trim()];
    if (value === undefined) throw new Error(`Missing value {${name.trim()}} for email message`);
    if (kind?.trim() === 'plural') {
      result += formatEmailMessage(selectPlural(rest.join(','), Number(value), locale), values, locale);
    } else {
      result += String(value);
    }
    index = close + 1;
  }
  return result + message.slice(index);
}

export function createEmailTranslator(locale: Locale): EmailTranslator {
  const messages = EMAIL_MESSAGES[locale];
  return (key, values = {}) => formatEmailMessage(lookUp(messages, key), values, locale);
}
