import { MESSAGES } from '@/messages';

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
    expect(german.get('language.submit')).toBe('Übernehmen');
    expect([...german.values()].join(' ')).not.toMatch(/\b(Bestaetigen|Uebernehmen|ungueltig|Geraete)\b/i);
  });
});
