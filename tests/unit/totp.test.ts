import { Secret, TOTP, URI } from 'otpauth';
import {
  buildTotpUri,
  findTotpTimeStep,
  formatSecretForDisplay,
  generateTotpCode,
  generateTotpSecret,
} from '@/lib/auth/totp';

// RFC 6238 Appendix B, SHA1 rows: the seed is ASCII "12345678901234567890", codes have 8 digits there.
const RFC_SECRET = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer }).base32;
const RFC_VECTORS: Array<[seconds: number, code: string, step: number]> = [
  [59, '94287082', 1],
  [1111111109, '07081804', 37037036],
  [1111111111, '14050471', 37037037],
  [1234567890, '89005924', 41152263],
  [2000000000, '69279037', 66666666],
  [20000000000, '65353130', 666666666],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('at %i s matches the RFC code %s (full 8 digits via otpauth)', (seconds, code) => {
    const totp = new TOTP({ secret: Secret.fromBase32(RFC_SECRET), algorithm: 'SHA1', digits: 8, period: 30 });
    expect(totp.generate({ timestamp: seconds * 1000 })).toBe(code);
  });

  it.each(RFC_VECTORS)('at %i s our 6-digit code is the last six digits of %s', (seconds, code, step) => {
    const now = seconds * 1000;
    expect(generateTotpCode({ secret: RFC_SECRET, now })).toBe(code.slice(-6));
    expect(findTotpTimeStep({ secret: RFC_SECRET, code: code.slice(-6), now })).toBe(step);
  });

  it('accepts the previous and next step and returns their absolute step', () => {
    const secret = RFC_SECRET;
    const now = 1_700_000_000_000;
    const currentStep = Math.floor(now / 1000 / 30);
    for (const delta of [-1, 0, 1]) {
      const code = generateTotpCode({ secret, now: now + delta * 30_000 });
      expect(findTotpTimeStep({ secret, code, now })).toBe(currentStep + delta);
    }
  });

  it('rejects codes two steps away', () => {
    const secret = RFC_SECRET;
    const now = 1_700_000_000_000;
    for (const delta of [-2, 2]) {
      const code = generateTotpCode({ secret, now: now + delta * 30_000 });
      expect(findTotpTimeStep({ secret, code, now })).toBeNull();
    }
  });

  it('ignores spaces a person types inside the code', () => {
    const now = 59_000;
    expect(findTotpTimeStep({ secret: RFC_SECRET, code: ' 287 082 ', now })).toBe(1);
  });

  it.each(['', '28708', '2870820', '28708a', '287-082', '２８７０８２', 'abcdef', '287082\u0000'])(
    'rejects %j before checking it',
    (code) => {
      expect(findTotpTimeStep({ secret: RFC_SECRET, code, now: 59_000 })).toBeNull();
    },
  );

  it('generates 20-byte base32 secrets', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('builds an otpauth URI with issuer and username@tenantDomain label', () => {
    const secret = generateTotpSecret();
    const uri = buildTotpUri({ secret, username: 'alice', tenantDomain: '123456.sms' });
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const parsed = URI.parse(uri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('Mobile Security Portal');
    expect(parsed.label).toBe('alice@123456.sms');
    expect(parsed.secret.base32).toBe(secret);
    expect(parsed.algorithm).toBe('SHA1');
    expect(parsed.digits).toBe(6);
    expect(parsed.period).toBe(30);
  });

  it('formats the secret in groups of four', () => {
    expect(formatSecretForDisplay('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toBe(
      'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ',
    );
    expect(formatSecretForDisplay('ABCDEF')).toBe('ABCD EF');
  });
});
