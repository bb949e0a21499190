import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RESELLER_PERMISSIONS } from '@/lib/access/permissions';
import { MESSAGES, pickMessages, PORTAL_MESSAGES, SERVER_ONLY_NAMESPACES, SIGN_IN_MESSAGES } from '@/messages';

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

describe('messages sent to the browser (issue 11)', () => {
  const root = path.resolve(__dirname, '..', '..');
  const resolveImport = (from: string, specifier: string): string | null => {
    const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
    if (!base) return null;
    return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((suffix) => `${base}${suffix}`).find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
  };
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => path.join(dir, file));
  /** Every file under app/ or lib/ that `entries` reach through their imports. */
  const reachable = (entries: string[]): string[] => {
    const seen = new Set<string>();
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const target = resolveImport(file, specifier!);
        if (target && ['app', 'lib'].some((dir) => target.startsWith(path.join(root, dir) + path.sep))) queue.push(target);
      }
    }
    return [...seen];
  };

  /**
   * The message paths a file looks up in the browser: `t('create.email')` of
   * `const t = useTranslations('users')` is users.create.email, a template key `roles.${role}`
   * counts as users.roles; a file's other literal keys ('users.messages.created', the keys form
   * states carry) count as written.
   */
  const lookups = (file: string): string[] => {
    const text = readFileSync(file, 'utf8');
    const paths: string[] = [];
    const keyOf = (literal: string) => literal.split('${')[0]!.replace(/\.$/, '');
    for (const [, name, namespace] of text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?useTranslations\(\s*(?:['"`]([\w.]*)['"`])?\s*\)/g)) {
      const calls = text.matchAll(new RegExp(`\\b${name}(?:\\.(?:rich|markup|has|raw))?\\(\\s*['"\`]([^'"\`]+)['"\`]`, 'g'));
      for (const [, key] of calls) paths.push([namespace, keyOf(key!)].filter(Boolean).join('.'));
    }
    for (const [, literal] of text.matchAll(/['"`]([A-Za-z]+\.[\w.${}]+)['"`]/g)) {
      // Only what names a message: 'users.manage' is a permission, 'users.reset_two_factor' an audit id.
      const key = keyOf(literal!);
      if ((RESELLER_PERMISSIONS as readonly string[]).includes(key)) continue;
      if (english.has(key) || [...english.keys()].some((leaf) => leaf.startsWith(`${key}.`))) paths.push(key);
    }
    return paths;
  };

  const covered = (used: string, sent: readonly string[]) => sent.some((messagePath) => used === messagePath || used.startsWith(`${messagePath}.`));

  /** What a part's pages look up in the browser: client components, server actions and the form helpers. */
  const usedBy = (entries: string[]): string[] => {
    const translatedInBrowser = reachable(entries).filter((file) => /^['"]use (client|server)['"]/m.test(readFileSync(file, 'utf8')));
    const formHelpers = sourceFiles(path.join(root, 'lib', 'forms'));
    return [...new Set([...translatedInBrowser, ...formHelpers].flatMap(lookups))].sort();
  };

  const signInEntries = () => {
    const entries = [...sourceFiles(path.join(root, 'app', 'login')), path.join(root, 'app', 'password-forgotten', 'page.tsx')];
    expect(entries.filter((file) => file.endsWith('page.tsx')).length).toBeGreaterThanOrEqual(6);
    return entries;
  };
  const PORTAL_PARTS = ['tenant', 'customer-selection', 'security', 'activate', 'reset-password', 'account-link', 'report'];
  const portalEntries = () => {
    for (const part of PORTAL_PARTS.filter((dir) => existsSync(path.join(root, 'app', dir, 'layout.tsx')))) {
      expect(readFileSync(path.join(root, 'app', part, 'layout.tsx'), 'utf8')).toMatch(/portal-messages-provider/);
    }
    return [...PORTAL_PARTS.flatMap((part) => sourceFiles(path.join(root, 'app', part))), path.join(root, 'app', '_server', 'tenant-action.ts')];
  };

  it('the sign-in pages get every message their client components and form states look up', () => {
    const used = usedBy(signInEntries());
    expect(used).toEqual(expect.arrayContaining(['login.tenantDomain.label', 'validation.required', 'twoFactor.submit']));
    expect(used.filter((messagePath) => !covered(messagePath, SIGN_IN_MESSAGES))).toEqual([]);
  });

  it('the other parts get every message their client components and form states look up', () => {
    const used = usedBy(portalEntries());
    expect(used).toEqual(expect.arrayContaining(['users.create.email', 'users.roles', 'customers.create.type', 'customerSelection.searchLabel', 'securityPage.sessions.logOutOthers']));
    expect(used.filter((messagePath) => !covered(messagePath, PORTAL_MESSAGES))).toEqual([]);
    // tenant-action.ts turns a domain's refusal into `<namespace>.errors.<code>`, a key no literal shows.
    for (const namespace of ['users', 'customers', 'configurations']) expect(covered(`${namespace}.errors.any_code`, PORTAL_MESSAGES)).toBe(true);
  });

  it.each([
    ['sign-in', SIGN_IN_MESSAGES],
    ['portal', PORTAL_MESSAGES],
  ] as const)('the %s list names existing messages only, never a server-only namespace', (_part, paths) => {
    for (const locale of ['en', 'de'] as const) {
      const sent = flatten(pickMessages(locale, paths) as Messages);
      expect(sent.size).toBeGreaterThan(20);
      for (const [key, text] of sent) expect(text).toBe((locale === 'en' ? english : german).get(key));
    }
    expect(paths.filter((messagePath) => (SERVER_ONLY_NAMESPACES as readonly string[]).includes(messagePath.split('.')[0]!))).toEqual([]);
  });

  it('builds each pick once per list and language', () => {
    expect(pickMessages('de', PORTAL_MESSAGES)).toBe(pickMessages('de', PORTAL_MESSAGES));
    expect(pickMessages('en', PORTAL_MESSAGES)).not.toBe(pickMessages('de', PORTAL_MESSAGES));
    expect(pickMessages('en', SIGN_IN_MESSAGES)).not.toBe(pickMessages('en', PORTAL_MESSAGES));
  });

  it.each(['en', 'de'] as const)('%s: each part sends well under half of the catalogue', (locale) => {
    const whole = JSON.stringify(MESSAGES[locale]).length;
    expect(JSON.stringify(pickMessages(locale, SIGN_IN_MESSAGES)).length).toBeLessThan(whole / 2);
    expect(JSON.stringify(pickMessages(locale, PORTAL_MESSAGES)).length).toBeLessThan(whole / 2);
  });

  it('no client component asks for a server-only namespace', () => {
    const clientFiles = ['app', 'lib'].flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) => /^['"]use client['"]/m.test(readFileSync(file, 'utf8')));
    expect(clientFiles.length).toBeGreaterThan(10);
    const offenders = clientFiles.filter((file) => lookups(file).some((messagePath) => (SERVER_ONLY_NAMESPACES as readonly string[]).includes(messagePath.split('.')[0]!)));
    expect(offenders).toEqual([]);
  });
});
