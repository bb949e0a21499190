import { randomBytes } from 'node:crypto';
import { deriveKeyId } from '@/lib/crypto/keyring';
import { decryptSecret, encryptSecret, isSealedWithCurrentKey, SecretBoxError } from '@/lib/crypto/secret-box';
import { MissingConfigurationError, resetEnvCache } from '@/lib/env';
import { legacySecretBox } from '../support/legacy-secret-box';

const originalKey = process.env.TWO_FACTOR_ENCRYPTION_KEY;

function useKey(key: string | undefined, decryptionKeys: string[] = []): void {
  if (key === undefined) delete process.env.TWO_FACTOR_ENCRYPTION_KEY;
  else process.env.TWO_FACTOR_ENCRYPTION_KEY = key;
  if (decryptionKeys.length === 0) delete process.env.TWO_FACTOR_DECRYPTION_KEYS;
  else process.env.TWO_FACTOR_DECRYPTION_KEYS = decryptionKeys.join(',');
  resetEnvCache();
}

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

beforeEach(() => useKey(keyA));
afterAll(() => useKey(originalKey));

describe('secret box', () => {
  it('round-trips a TOTP secret bound to a user id', () => {
    const box = encryptSecret('JBSWY3DPEHPK3PXP', 'user-1');
    expect(box).toMatch(/^v2\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(box.split('.')[1]).toBe(deriveKeyId(Buffer.from(keyA, 'base64')));
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
    for (const index of [2, 3, 4]) {
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

  it.each(['v2.a.b.c', 'v2.a.b.c.d', 'v1.only.three', '', 'v1.!!!.@@@.###', 'not a box'])('rejects malformed box %j', (box) => {
    expect(() => decryptSecret(box)).toThrow(SecretBoxError);
  });

  it('rejects an unknown version even with valid parts', () => {
    const box = encryptSecret('secret value');
    expect(() => decryptSecret(box.replace(/^v2/, 'v3'))).toThrow(SecretBoxError);
  });

  describe('keyring', () => {
    it('opens a box of the previous key while the new one encrypts', () => {
      const old = encryptSecret('secret value', 'user-1');
      useKey(keyB, [keyA]);
      expect(decryptSecret(old, 'user-1')).toBe('secret value');
      const fresh = encryptSecret('secret value', 'user-1');
      expect(fresh.split('.')[1]).toBe(deriveKeyId(Buffer.from(keyB, 'base64')));
      expect(isSealedWithCurrentKey(fresh)).toBe(true);
      expect(isSealedWithCurrentKey(old)).toBe(false);
    });

    it('opens a box of a key announced ahead, before it becomes the current one', () => {
      useKey(keyB);
      const ahead = encryptSecret('secret value');
      useKey(keyA, [keyB]);
      expect(decryptSecret(ahead)).toBe('secret value');
    });

    it('refuses a box whose key was removed from the keyring', () => {
      const old = encryptSecret('secret value');
      useKey(keyB, []);
      expect(() => decryptSecret(old)).toThrow(SecretBoxError);
    });

    it('refuses a box relabelled with the id of another key of the ring', () => {
      useKey(keyA, [keyB]);
      const parts = encryptSecret('secret value').split('.');
      parts[1] = deriveKeyId(Buffer.from(keyB, 'base64'));
      expect(() => decryptSecret(parts.join('.'))).toThrow(SecretBoxError);
    });

    it('still opens boxes written before key ids (v1), under any key of the ring', () => {
      const legacy = legacySecretBox('JBSWY3DPEHPK3PXP', keyA, 'user-1');
      expect(decryptSecret(legacy, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
      useKey(keyB, [keyA]);
      expect(decryptSecret(legacy, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
      expect(isSealedWithCurrentKey(legacy)).toBe(false);
      expect(() => decryptSecret(legacy, 'user-2')).toThrow(SecretBoxError);
      useKey(keyB);
      expect(() => decryptSecret(legacy, 'user-1')).toThrow(SecretBoxError);
    });

    it('refuses a decryption key that is not 32 bytes', () => {
      useKey(keyA, [randomBytes(16).toString('base64')]);
      expect(() => encryptSecret('secret value')).toThrow(/TWO_FACTOR_DECRYPTION_KEYS/);
    });
  });

  it('fails closed when the key is not configured', () => {
    useKey(undefined);
    expect(() => encryptSecret('secret value')).toThrow(MissingConfigurationError);
  });
});
