import { negotiateLocale, resolveRequestLocale } from '@/lib/i18n/negotiate-locale';

describe('negotiateLocale', () => {
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['de', 'de'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['de-AT', 'de'],
    ['DE-ch', 'de'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7', 'de'],
    ['fr, it', 'en'],
  ] as const)('a browser sending %p gets %p', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('respects q-values over header order', () => {
    expect(negotiateLocale('en;q=0.5, de;q=0.8')).toBe('de');
    expect(negotiateLocale('de;q=0.1, en')).toBe('en');
  });

  it('keeps header order for equal q-values', () => {
    expect(negotiateLocale('de;q=0.7, en;q=0.7')).toBe('de');
  });

  it('never picks a language the browser marked as not acceptable (q=0)', () => {
    expect(negotiateLocale('de;q=0, fr')).toBe('en');
  });

  it('skips entries with malformed q-values', () => {
    expect(negotiateLocale('de;q=abc, en;q=0.5')).toBe('en');
    expect(negotiateLocale('de;q=2, en;q=0.5')).toBe('en');
  });

  it('treats a wildcard as the default language', () => {
    expect(negotiateLocale('fr, *;q=0.5, de;q=0.1')).toBe('en');
  });

  it('copes with hostile or odd input without throwing', () => {
    expect(negotiateLocale(',,;;q=,de')).toBe('de');
    expect(negotiateLocale(`${'x,'.repeat(100_000)}de`)).toBe('en');
  });
});

describe('resolveRequestLocale', () => {
  it('prefers a supported cookie over the header', () => {
    expect(resolveRequestLocale({ cookieLocale: 'de', acceptLanguage: 'en' })).toBe('de');
  });

  it('ignores an unsupported cookie value and negotiates instead', () => {
    expect(resolveRequestLocale({ cookieLocale: 'fr', acceptLanguage: 'de' })).toBe('de');
    expect(resolveRequestLocale({ cookieLocale: '../../etc/passwd', acceptLanguage: null })).toBe('en');
  });
});
