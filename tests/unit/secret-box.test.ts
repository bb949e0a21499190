import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, SecretBoxError } from '@/lib/crypto/secret-box';
import { MissingConfigurationError, resetEnvCache } from '@/lib/env';

const originalKey = process.env.TWO_FACTOR_ENCRYPTION_KEY;

function useKey(key: string | undefined): void {
  if (key === undefined) delete process.env.TWO_FACTOR_ENCRYPTION_KEY;
  else process.env.TWO_FACTOR_ENCRYPTION_KEY = key;
  resetEnvCache();
}

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

beforeEach(() => useKey(keyA));
afterAll(() => useKey(originalKey));

describe('secret box', () => {
  it('round-trips a TOTP secret bound to a user id', () => {
    const box = encryptSecret('JBSWY3DPEHPK3PXP', 'user-1');
    expect(box).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(box).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(box, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('round-trips without associated data and unicode text', () => {
    expect(decryptSecret(encryptSecret('grüße ✓'))).toBe('grüße ✓');
  });

  it('uses a fresh IV for every encryption', () => {
    expect(encryptSecret('same')).not.toBe(encryptSecret('same'));
  });

  it('detects a tampered ciphertext, tag or IV', () => {
    const box = encryptSecret('secret value', 'user-1');
    const parts = box.split('.');
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index] as string, 'base64url');
      bytes[0] = (bytes[0] as number) ^ 1;
      const tampered = [...parts];
      tampered[index] = bytes.toString('base64url');
      expect(() => decryptSecret(tampered.join('.'), 'user-1')).toThrow(SecretBoxError);
    }
  });

  it('refuses a box moved to another user (wrong associated data)', () => {
    const box = encryptSecret('secret value', 'user-1');
    expect(() => decryptSecret(box, 'user-2')).toThrow(SecretBoxError);
    expect(() => decryptSecret(box)).toThrow(SecretBoxError);
  });

  it('refuses a box under a different key', () => {
    const box = encryptSecret('secret value');
    useKey(keyB);
    expect(() => decryptSecret(box)).toThrow(SecretBoxError);
  });

  it.each(['v2.a.b.c', 'v1.only.three', '', 'v1.!!!.@@@.###', 'not a box'])('rejects malformed box %j', (box) => {
    expect(() => decryptSecret(box)).toThrow(SecretBoxError);
  });

  it('rejects an unknown version even with valid parts', () => {
    const box = encryptSecret('secret value');
    expect(() => decryptSecret(box.replace(/^v1/, 'v2'))).toThrow(SecretBoxError);
  });

  it('fails closed when the key is not configured', () => {
    useKey(undefined);
    expect(() => encryptSecret('secret value')).toThrow(MissingConfigurationError);
  });
});
