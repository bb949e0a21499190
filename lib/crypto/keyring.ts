import { createHash } from 'node:crypto';
import { getEnv, requireSetting } from '@/lib/env';

// The keys of the secret box (lib/crypto/secret-box.ts): TWO_FACTOR_ENCRYPTION_KEY encrypts, and
// it and TWO_FACTOR_DECRYPTION_KEYS decrypt. Each key's id is derived from the key itself, so a
// ciphertext names the key it needs without anyone keeping a list of ids in step with the keys.
// README, "Key rotation", has the runbook.

export type KeyringKey = { id: string; key: Buffer };
export type Keyring = { current: KeyringKey; byId: ReadonlyMap<string, KeyringKey> };

const KEY_BYTES = 32;
const KEY_ID_LENGTH = 8;

/** 48 bits of SHA-256 over the key: tells keys apart, reveals nothing usable about them. */
export function deriveKeyId(key: Buffer): string {
  return createHash('sha256').update('msp-secret-box/key-id|').update(key).digest('base64url').slice(0, KEY_ID_LENGTH);
}

function toKey(base64: string): KeyringKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) throw new Error('every two-factor encryption key must be 32 bytes');
  return { id: deriveKeyId(key), key };
}

let cached: { source: string; keyring: Keyring } | undefined;

export function loadKeyring(): Keyring {
  const currentKey = requireSetting('TWO_FACTOR_ENCRYPTION_KEY');
  const others = getEnv().TWO_FACTOR_DECRYPTION_KEYS;
  const source = [currentKey, ...others].join(',');
  if (cached?.source === source) return cached.keyring;
  const current = toKey(currentKey);
  const byId = new Map<string, KeyringKey>([[current.id, current]]);
  for (const other of others.map(toKey)) byId.set(other.id, other);
  cached = { source, keyring: { current, byId } };
  return cached.keyring;
}
