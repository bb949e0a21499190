import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { loadKeyring, type KeyringKey } from './keyring';

// AES-256-GCM boxes for TOTP secrets and outbox payloads (ASVS 11.3):
//   v2.<key id>.<iv>.<tag>.<ciphertext>  (all base64url): the key id names the key of the keyring
//                                         (lib/crypto/keyring.ts) that opens it, so keys can rotate;
//   v1.<iv>.<tag>.<ciphertext>           written before key ids existed: opened with whichever key
//                                         of the keyring fits. `npm run keys:rotate` rewrites both.
const VERSION = 'v2';
const LEGACY_VERSION = 'v1';
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

// The version and key id are always authenticated, so a box cannot be relabelled as another format
// or key; callers' associated data (e.g. the user id) binds a secret to its row, so swapping
// ciphertexts between users fails.
function buildAssociatedData(header: string, associatedData: string | undefined): Buffer {
  return Buffer.from(`msp-secret-box/${header}|${associatedData ?? ''}`, 'utf8');
}

function decodePart(part: string | undefined): Buffer {
  if (part === undefined || !BASE64URL.test(part)) throw new SecretBoxError();
  return Buffer.from(part, 'base64url');
}

/** Encrypts with the keyring's current key into `v2.<key id>.<iv>.<tag>.<ciphertext>`. */
export function encryptSecret(plain: string, associatedData?: string): string {
  const { current } = loadKeyring();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(buildAssociatedData(`${VERSION}|${current.id}`, associatedData));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, current.id, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

function open(key: KeyringKey, header: string, parts: { iv: Buffer; tag: Buffer; ciphertext: Buffer }, associatedData: string | undefined): string | null {
  try {
    const decipher = createDecipheriv(ALGORITHM, key.key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(buildAssociatedData(header, associatedData));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Throws SecretBoxError on an unknown version or key, a malformed box, tampering or wrong associated data. */
export function decryptSecret(box: string, associatedData?: string): string {
  const parts = typeof box === 'string' ? box.split('.') : [];
  const keyring = loadKeyring();
  let candidates: KeyringKey[];
  let header: string;
  if (parts[0] === VERSION && parts.length === 5) {
    const key = keyring.byId.get(parts[1]!);
    if (!key) throw new SecretBoxError();
    candidates = [key];
    header = `${VERSION}|${key.id}`;
    parts.splice(1, 1);
  } else if (parts[0] === LEGACY_VERSION && parts.length === 4) {
    candidates = [...keyring.byId.values()];
    header = LEGACY_VERSION;
  } else {
    throw new SecretBoxError();
  }
  const decoded = { iv: decodePart(parts[1]), tag: decodePart(parts[2]), ciphertext: decodePart(parts[3]) };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) throw new SecretBoxError();
  for (const key of candidates) {
    const plain = open(key, header, decoded, associatedData);
    if (plain !== null) return plain;
  }
  throw new SecretBoxError();
}

/** True when the box is sealed with the keyring's current key (nothing for `keys:rotate` to do). */
export function isSealedWithCurrentKey(box: string): boolean {
  return box.startsWith(`${VERSION}.${loadKeyring().current.id}.`);
}

/** The SQL LIKE pattern of boxes sealed with the current key. */
export function currentKeyPattern(): string {
  return `${VERSION}.${loadKeyring().current.id}.%`;
}
