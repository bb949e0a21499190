import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from '@/lib/two-factor/recovery-codes';

describe('recovery codes', () => {
  test('ten distinct codes of 16 base32 characters (80 bits) in groups of four', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  });

  test('capitals, spaces and dashes do not change the code', () => {
    expect(normalizeRecoveryCode(' ABCD-efgh ijkl-MNOP ')).toBe('abcdefghijklmnop');
    expect(hashRecoveryCode('ABCD EFGH IJKL MNOP')).toBe(hashRecoveryCode('abcd-efgh-ijkl-mnop'));
  });

  test('only a hash is derived, never the code itself', () => {
    expect(hashRecoveryCode('abcd-efgh-ijkl-mnop')).toMatch(/^[0-9a-f]{64}$/);
  });
});
