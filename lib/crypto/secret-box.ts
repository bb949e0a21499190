import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { requireSetting } from '@/lib/env';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Raised for every box that cannot be opened; deliberately says nothing about why. */
export class SecretBoxError extends Error {
  constructor() {
    super('Secret box cannot be opened');
    this.name = 'SecretBoxError';
  }
}

function loadKey(): Buffer {
  const key = Buffer.from(requireSetting('TWO_FACTOR_ENCRYPTION_KEY'), 'base64');
  if (key.length !== 32) throw new Error('TWO_FACTOR_ENCRYPTION_KEY must be 32 bytes');
  return key;
}

// The version is always authenticated, so a box cannot be relabelled as a future format; callers'
// associated data (e.g. the user id) binds a secret to its row, so swapping ciphertexts between users fails.
function buildAssociatedData(associatedData: string | undefined): Buffer {
  return Buffer.from(`msp-secret-box/${VERSION}|${associatedData ?? ''}`, 'utf8');
}

function decodePart(part: string | undefined): Buffer {
  if (part === undefined || !BASE64URL.test(part)) throw new SecretBoxError();
  return Buffer.from(part, 'base64url');
}

/** Encrypts with AES-256-GCM (ASVS 11.3) into `v1.<iv>.<tag>.<ciphertext>`, all base64url. */
export function encryptSecret(plain: string, associatedData?: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, loadKey(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(buildAssociatedData(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** Throws SecretBoxError on an unknown version, a malformed box, tampering, a wrong key or wrong associated data. */
export function decryptSecret(box: string, associatedData?: string): string {
  const parts = typeof box === 'string' ? box.split('.') : [];
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError();
  const iv = decodePart(parts[1]);
  const tag = decodePart(parts[2]);
  const ciphertext = decodePart(parts[3]);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError();

  const key = loadKey();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(buildAssociatedData(associatedData));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError();
  }
}
