import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { browserMessages, MESSAGES } from '@/messages';

const { de, en } = MESSAGES;

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const english = flatten(en);
const german = flatten(de);

describe('message files', () => {
  it('have the same keys in English and German', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([
    ['en', english],
    ['de', german],
  ] as const)('%s has no empty texts', (_locale, messages) => {
    const empty = [...messages].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each([
    ['en', english],
    ['de', german],
  ] as const)('%s never names the vendor', (_locale, messages) => {
    const vendor = /securepoint|unified security|\bUSP\b/i;
    expect([...messages].filter(([, text]) => vendor.test(text))).toEqual([]);
  });

  it('uses the same ICU arguments in both languages', () => {
    const argumentsOf = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|,\s*(?:plural|selectordinal|select|number|date|time)\b)/g)].map((match) => match[1]).sort();
    for (const [key, text] of english) {
      expect({ key, args: argumentsOf(german.get(key) ?? '') }).toEqual({ key, args: argumentsOf(text) });
    }
  });

  it('contains the keys the login flow returns as form messages', () => {
    for (const key of [
      'login.errors.invalidCredentials',
      'login.errors.rateLimited',
      'login.errors.invalidCode',
      'login.errors.pendingLoginExpired',
      'login.errors.noValidLicense',
      'login.errors.unavailable',
      'login.errors.sessionEnded',
      'validation.required',
      'validation.tenantDomainFormat',
      'validation.codeFormat',
      'validation.tooLong',
    ]) {
      expect(english.has(key)).toBe(true);
    }
  });

  it('writes German with real umlauts, not ae/oe/ue stand-ins', () => {
    expect(german.get('twoFactor.submit')).toBe('Bestätigen');
    expect(german.get('nav.menu')).toBe('Menü');
    expect([...german.values()].join(' ')).not.toMatch(/\b(Bestaetigen|Uebernehmen|ungueltig|Geraete)\b/i);
  });
});

describe('messages sent to the browser', () => {
  const SERVER_ONLY = ['email', 'devMailbox'];

  it.each(['en', 'de'] as const)('%s: everything but the server-only namespaces', (locale) => {
    const sent = Object.keys(browserMessages(locale)).sort();
    expect(sent).toEqual(Object.keys(MESSAGES[locale]).filter((key) => !SERVER_ONLY.includes(key)).sort());
  });

  it('are enough for every client component: none asks for a server-only namespace', () => {
    const root = path.resolve(__dirname, '..', '..');
    const sourceFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return sourceFiles(full);
        return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
      });
    const clientFiles = ['app', 'lib'].flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) => /^['"]use client['"]/m.test(readFileSync(file, 'utf8')));
    expect(clientFiles.length).toBeGreaterThan(10);
    // A translator for the namespace, or a message key inside it ('email' alone is a form field).
    const names = SERVER_ONLY.join('|');
    const asks = new RegExp(`useTranslations\\(\\s*['"\`](${names})\\b|['"\`](${names})\\.`);
    const offenders = clientFiles.filter((file) => asks.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
