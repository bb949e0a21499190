import { createHmac, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { compareInWorker, hashInWorker } from '@/lib/crypto/password-hash-pool';

// Format `$msp1$<bcrypt>`: bcrypt over base64(HMAC-SHA-384(PREHASH_KEY, NFKC(password))).
// bcrypt ignores everything after 72 bytes (SECURITY.md, ASVS 6.2); the 64-character base64 digest
// always fits, so every byte of the password counts. The key is fixed and not secret: it only
// separates this use of HMAC from any other. NFKC (NIST SP 800-63B 5.1.1.2) makes the same password
// typed on different keyboards or systems hash alike. Changing any of this needs a new version.
const FORMAT_PREFIX = '$msp1$';
const PREHASH_KEY = 'mobile-security-portal/password-prehash/v1';
const BCRYPT_PATTERN = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;

let dummyHash: { cost: number; hash: Promise<string> } | undefined;

function prehashPassword(password: string): string {
  return createHmac('sha384', PREHASH_KEY).update(password.normalize('NFKC'), 'utf8').digest('base64');
}

function readBcryptHash(storedHash: string): { bcryptHash: string; cost: number } | null {
  if (typeof storedHash !== 'string' || !storedHash.startsWith(FORMAT_PREFIX)) return null;
  const bcryptHash = storedHash.slice(FORMAT_PREFIX.length);
  const match = BCRYPT_PATTERN.exec(bcryptHash);
  if (!match?.[1]) return null;
  return { bcryptHash, cost: Number(match[1]) };
}

export async function hashPassword(password: string): Promise<string> {
  const bcryptHash = await hashInWorker(prehashPassword(password), getEnv().BCRYPT_COST);
  return `${FORMAT_PREFIX}${bcryptHash}`;
}

/**
 * A valid hash of a random password at the configured cost: login compares against it when no user
 * exists, so unknown accounts take as long as wrong passwords (ASVS 6.3).
 */
export function getDummyPasswordHash(): Promise<string> {
  const cost = getEnv().BCRYPT_COST;
  if (!dummyHash || dummyHash.cost !== cost) {
    const hash = hashPassword(randomBytes(32).toString('base64url'));
    dummyHash = { cost, hash };
    // A failed computation (e.g. the pool was closed) must not poison the cache.
    hash.catch(() => {
      if (dummyHash?.hash === hash) dummyHash = undefined;
    });
  }
  return dummyHash.hash;
}

export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const parsed = readBcryptHash(storedHash);
  if (!parsed) {
    // Unknown formats never verify, but still cost a full comparison so they are not a timing oracle.
    await compareInWorker(prehashPassword(password), (await getDummyPasswordHash()).slice(FORMAT_PREFIX.length));
    return false;
  }
  return compareInWorker(prehashPassword(password), parsed.bcryptHash);
}

/** True when the stored hash should be replaced at the next successful login (cost changed or unknown format). */
export function needsRehash(storedHash: string): boolean {
  const parsed = readBcryptHash(storedHash);
  return !parsed || parsed.cost !== getEnv().BCRYPT_COST;
}
