import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { recoveryCodes } from '@/db/schema';

export const RECOVERY_CODE_COUNT = 10;
// 10 random bytes = 80 bits per code (SECURITY.md, two-factor; NIST SP 800-63B look-up secrets).
const RECOVERY_CODE_BYTES = 10;
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function encodeBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

/** Ten codes like `k3f7-q2ma-x9pl-7cde` (base32, 80 random bits each). */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const compact = encodeBase32(randomBytes(RECOVERY_CODE_BYTES));
    return compact.match(/.{4}/g)!.join('-');
  });
}

/** People type codes with spaces, dashes or capitals; all of these mean the same code. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code), 'utf8').digest('hex');
}

/** Deletes the user's codes and stores ten new ones (hashed); returns the plain codes to show once. */
export async function replaceRecoveryCodes(executor: DbExecutor, input: { userId: string; tenantId: string }): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
  await executor
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId: input.userId, tenantId: input.tenantId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/**
 * Redeems one code. A single conditional UPDATE marks it used, so of two concurrent requests
 * with the same code exactly one succeeds (on every instance).
 */
export async function redeemRecoveryCode(
  input: { userId: string; code: string },
  executor: DbExecutor = getDb(),
): Promise<{ ok: true; remaining: number } | { ok: false }> {
  const normalized = normalizeRecoveryCode(input.code);
  if (!/^[a-z2-7]{16}$/.test(normalized)) return { ok: false };
  const used = await executor
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, input.userId), eq(recoveryCodes.codeHash, hashRecoveryCode(normalized)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  if (used.length === 0) return { ok: false };
  return { ok: true, remaining: await countRemainingRecoveryCodes(input.userId, executor) };
}

export async function countRemainingRecoveryCodes(userId: string, executor: DbExecutor = getDb()): Promise<number> {
  const [row] = await executor
    .select({ remaining: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.remaining ?? 0;
}
