import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { browserMessages, MESSAGES, SIGN_IN_NAMESPACES, signInMessages } from '@/messages';

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

describe('messages sent with the sign-in pages (issue 11)', () => {
  const root = path.resolve(__dirname, '..', '..');
  const resolveImport = (from: string, specifier: string): string | null => {
    const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
    if (!base) return null;
    return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((suffix) => `${base}${suffix}`).find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
  };
  /** Every file under app/ that the sign-in pages reach through their imports. */
  const reachable = (entries: string[]): string[] => {
    const seen = new Set<string>();
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const target = resolveImport(file, specifier!);
        if (target?.startsWith(path.join(root, 'app') + path.sep)) queue.push(target);
      }
    }
    return [...seen];
  };

  it('hold every namespace their client components and form actions translate', () => {
    const entries = [
      ...readdirSync(path.join(root, 'app', 'login'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('page.tsx'))
        .map((file) => path.join(root, 'app', 'login', file)),
      path.join(root, 'app', 'password-forgotten', 'page.tsx'),
    ];
    expect(entries.length).toBeGreaterThanOrEqual(6);
    // Client components render in the browser; actions return the keys that FormMessage and
    // FieldError translate there. Server components translate on the server with every message.
    const translatedInBrowser = reachable(entries).filter((file) => /^['"]use (client|server)['"]/m.test(readFileSync(file, 'utf8')));
    const lib = readdirSync(path.join(root, 'lib', 'forms')).map((file) => path.join(root, 'lib', 'forms', file));
    const known = new Set(Object.keys(MESSAGES.en));
    const used = new Set<string>();
    for (const file of [...translatedInBrowser, ...lib]) {
      const text = readFileSync(file, 'utf8');
      for (const [, namespace] of text.matchAll(/useTranslations\(\s*['"]([A-Za-z]+)/g)) used.add(namespace!);
      for (const [, namespace] of text.matchAll(/['"`]([A-Za-z]+)\.[A-Za-z]+(?:\.[A-Za-z]+)*['"`]/g)) if (known.has(namespace!)) used.add(namespace!);
    }
    expect(used.size).toBeGreaterThan(4);
    expect([...used].filter((namespace) => !(SIGN_IN_NAMESPACES as readonly string[]).includes(namespace)).sort()).toEqual([]);
  });

  it.each(['en', 'de'] as const)('%s: are the sign-in namespaces only, each complete', (locale) => {
    const sent = signInMessages(locale);
    expect(Object.keys(sent).sort()).toEqual([...SIGN_IN_NAMESPACES].sort());
    for (const namespace of SIGN_IN_NAMESPACES) expect(sent[namespace]).toEqual(MESSAGES[locale][namespace]);
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(browserMessages(locale)).length / 2);
  });
});
