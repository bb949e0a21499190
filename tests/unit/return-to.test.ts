import { safeReturnTo } from '@/lib/i18n/return-to';

describe('safeReturnTo', () => {
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
  ])('sends an attacker-chosen target %p to / instead', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
