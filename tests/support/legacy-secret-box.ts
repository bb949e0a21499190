import { createCipheriv, randomBytes } from 'node:crypto';

/** A box in the format written before key ids (v1, lib/crypto/secret-box.ts), under `key` (base64). */
export function legacySecretBox(plain: string, key: string, associatedData = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(`msp-secret-box/v1|${associatedData}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}
