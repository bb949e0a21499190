import { createHash } from 'node:crypto';
import { createOpaqueToken, hashOpaqueToken, isEqualConstantTime, verifyOpaqueToken } from '@/lib/auth/opaque-token';

describe('opaque tokens', () => {
  it('are 32 random bytes in base64url with a SHA-256 hex hash', () => {
    const { token, tokenHash } = createOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashOpaqueToken(token)).toBe(tokenHash);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => createOpaqueToken().token));
    expect(tokens.size).toBe(100);
  });

  it('verify only against their own hash', () => {
    const first = createOpaqueToken();
    const second = createOpaqueToken();
    expect(verifyOpaqueToken(first.token, first.tokenHash)).toBe(true);
    expect(verifyOpaqueToken(second.token, first.tokenHash)).toBe(false);
    expect(verifyOpaqueToken(first.tokenHash, first.tokenHash)).toBe(false);
    expect(verifyOpaqueToken(first.token, '')).toBe(false);
  });

  it('compare strings of different lengths as unequal', () => {
    expect(isEqualConstantTime('abc', 'abc')).toBe(true);
    expect(isEqualConstantTime('abc', 'abcd')).toBe(false);
    expect(isEqualConstantTime('abc', 'abd')).toBe(false);
  });
});
