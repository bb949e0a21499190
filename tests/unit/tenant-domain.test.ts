import { isTenantDomain, parseTenantDomain } from '@/lib/tenants/tenant-domain';

describe('parseTenantDomain', () => {
  it.each([
    ['123456.sms', '123456.sms'],
    [' 123456.SMS ', '123456.sms'],
    ['\t654321.sms\n', '654321.sms'],
    ['tenant-123456.sms', '123456.sms'],
    ['https://portal.example.com/abc-tenant-123456.sms-xyz/users', '123456.sms'],
    ['HTTPS://PORTAL.EXAMPLE.COM/ABC-TENANT-123456.SMS-XYZ/', '123456.sms'],
    ['https://tenant-000001.sms.portal.example.com/login', '000001.sms'],
    ['https://portal.example.com/tenant/123456.sms/users?tab=all', '123456.sms'],
    ['see tenant-123456.sms and again tenant-123456.sms', '123456.sms'],
  ])('a person who enters %j gets %s', (input, expected) => {
    expect(parseTenantDomain(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '12345.sms',
    '1234567.sms',
    '123456.smsx',
    '123456.com',
    '123456',
    'abc123.sms',
    '123456 .sms',
    'tenant-12345.sms',
    'tenant-1234567.sms',
    'tenant-123456.smsx',
    'tenant-123456.com',
    'https://portal.example.com/users',
    'tenant-111111.sms or tenant-222222.sms',
  ])('rejects %j', (input) => {
    expect(parseTenantDomain(input)).toBeNull();
  });

  it('rejects input longer than 2048 characters even when it contains a tenant domain', () => {
    const padded = `tenant-123456.sms${'x'.repeat(2048)}`;
    expect(parseTenantDomain(padded)).toBeNull();
    expect(parseTenantDomain(`tenant-123456.sms ${'x'.repeat(2048 - 18)}`)).toBe('123456.sms');
  });
});

describe('isTenantDomain', () => {
  it('accepts only the normalized form', () => {
    expect(isTenantDomain('123456.sms')).toBe(true);
    expect(isTenantDomain('123456.SMS')).toBe(false);
    expect(isTenantDomain(' 123456.sms')).toBe(false);
    expect(isTenantDomain('tenant-123456.sms')).toBe(false);
    expect(isTenantDomain('1234567.sms')).toBe(false);
    expect(isTenantDomain('123456.sms\n')).toBe(false);
  });
});
