import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// 32 random bytes (256 bits) for reset and activation links (ASVS 6.4); only the hash is stored,
// so a leaked database row cannot be turned back into a working link.
const TOKEN_BYTES = 32;

export type OpaqueToken = { token: string; tokenHash: string };

/** SHA-256 hex of the token; a fast hash is enough because the token itself has 256 bits of entropy. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function createOpaqueToken(): OpaqueToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashOpaqueToken(token) };
}

/** Constant-time comparison of two strings (e.g. two token hashes). */
export function isEqualConstantTime(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** Whether a presented token matches a stored hash, without an early-exit comparison. */
export function verifyOpaqueToken(token: string, tokenHash: string): boolean {
  return isEqualConstantTime(hashOpaqueToken(token), tokenHash);
}
