import { safeReturnTo, signInReturnPath } from '@/lib/http/return-to';

describe('safeReturnTo', () => {
  it('normalizes dot segments of a same-site path and keeps it on this site', () => {
    expect(safeReturnTo('/tenant/./123456.sms/../123456.sms/audit')).toBe('/tenant/123456.sms/audit');
  });

  it('never returns a path that a browser would resolve to another origin', () => {
    const base = 'https://portal.example';
    const attempts = ['/.//evil.test', '/..//evil.test', '/%2e//evil.test', '/a/../..//evil.test', '/\\evil.test', '/%2e%2e/%2f/evil.test', '/%5c%5cevil.test'];
    for (const attempt of attempts) {
      expect(new URL(safeReturnTo(attempt), base).origin).toBe(base);
    }
  });

  it.each(['/', '/tenant/123456.sms', '/tenant/123456.sms/licenses?page=2#top'])('keeps the same-site path %p', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    undefined,
    null,
    42,
    '',
    'tenant/123456.sms',
    'https://evil.test/',
    '//evil.test/',
    '/\\evil.test',
    '\\\\evil.test',
    '/\t/evil.test',
    '/\n/evil.test',
    'javascript:alert(1)',
    `/${'a'.repeat(3000)}`,
    // Normalizing these yields `//evil.test`, which a browser reads as another host.
    '/.//evil.test',
    '/..//evil.test',
    '/%2e//evil.test',
    '/%2E%2E//evil.test',
    '/./.././/evil.test/path?x=1',
    '/.\\evil.test',
    '/%2e/\\evil.test',
  ])('sends an attacker-chosen target %p to / instead', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});

describe('signInReturnPath: the deep link a login returns to (issue 9)', () => {
  it.each(['/tenant/123456.sms/audit', '/tenant/123456.sms/audit?actor=admin%40123456.sms', '/customer-selection', '/security'])('keeps %p', (path) => {
    expect(signInReturnPath(path)).toBe(path);
  });

  it.each([
    'https://evil.example/tenant/123456.sms',
    '//evil.example/tenant/123456.sms',
    '/\\evil.example',
    '/.//evil.example',
    'javascript:alert(1)',
    '/',
    '/login',
    '/login/code',
    '/login?returnTo=/tenant/123456.sms',
    '/logout',
    '/password-forgotten',
    '/reset-password/abc',
    '/activate/abc',
    '/report/abc',
    undefined,
    ['/tenant/123456.sms'],
  ])('drops %p', (value) => {
    expect(signInReturnPath(value)).toBeNull();
  });
});
