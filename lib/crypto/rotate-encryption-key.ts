import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { currentKeyPattern, decryptSecret, encryptSecret } from './secret-box';

// `npm run keys:rotate` (README, "Key rotation"): every stored box that is not sealed with the
// current key is opened with the keyring and sealed again with the current key, in batches, while
// the portal runs. Each batch is one short transaction whose rows are locked FOR UPDATE SKIP LOCKED:
// a row the portal is changing right now is skipped and taken in a later batch, never overwritten.

type EncryptedColumn = {
  /** `table.column`, for the report. */
  name: string;
  table: string;
  column: string;
  /** The associated data the box was sealed with, as SQL over the row (see the callers of encryptSecret). */
  associatedData: SQL;
};

export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  // TOTP secrets, bound to their user (lib/two-factor/confirm-two-factor-setup.ts, db/seed.ts).
  { name: 'users.two_factor_secret_encrypted', table: 'users', column: 'two_factor_secret_encrypted', associatedData: sql`id::text` },
  // Secrets of enrollments in progress (lib/two-factor/start-two-factor-setup.ts).
  {
    name: 'pending_logins.two_factor_setup_secret_encrypted',
    table: 'pending_logins',
    column: 'two_factor_setup_secret_encrypted',
    associatedData: sql`'two-factor-setup:' || user_id::text`,
  },
  {
    name: 'account_tokens.two_factor_setup_secret_encrypted',
    table: 'account_tokens',
    column: 'two_factor_setup_secret_encrypted',
    associatedData: sql`'two-factor-setup:' || user_id::text`,
  },
  // Outbox payloads, bound to their row (lib/email/enqueue-email.ts); handled ones are scrubbed.
  { name: 'email_outbox.payload_encrypted', table: 'email_outbox', column: 'payload_encrypted', associatedData: sql`'email:' || id::text` },
];

export type RotationReport = Record<string, { rotated: number; unreadable: string[] }>;

/** Boxes not yet on the current key, per column (`keys:rotate --check`). */
export async function countBoxesOnOtherKeys(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const target of ENCRYPTED_COLUMNS) {
    const result = await getDb().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(target.table)} WHERE ${sql.identifier(target.column)} NOT LIKE ${currentKeyPattern()}`,
    );
    counts[target.name] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

async function rotateBatch(target: EncryptedColumn, options: { batchSize: number; skip: string[] }): Promise<{ rotated: number; unreadable: string[]; found: number }> {
  const table = sql.identifier(target.table);
  const column = sql.identifier(target.column);
  return getDb().transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string; box: string; associated: string }>(sql`
      SELECT id::text AS id, ${column} AS box, ${target.associatedData} AS associated FROM ${table}
      WHERE ${column} NOT LIKE ${currentKeyPattern()} AND NOT (id::text = ANY(${sql.param(options.skip)}::text[]))
      ORDER BY id LIMIT ${options.batchSize} FOR UPDATE SKIP LOCKED`);
    const ids: string[] = [];
    const boxes: string[] = [];
    const unreadable: string[] = [];
    for (const row of rows) {
      try {
        boxes.push(encryptSecret(decryptSecret(row.box, row.associated), row.associated));
        ids.push(row.id);
      } catch {
        // Sealed with a key the keyring no longer has, or damaged: left as it is and reported.
        unreadable.push(row.id);
      }
    }
    if (ids.length > 0) {
      await tx.execute(sql`
        UPDATE ${table} SET ${column} = rotated.box
        FROM unnest(${sql.param(ids)}::text[], ${sql.param(boxes)}::text[]) AS rotated(id, box)
        WHERE ${table}.id::text = rotated.id`);
    }
    return { rotated: ids.length, unreadable, found: rows.length };
  });
}

/** Re-encrypts every box of ENCRYPTED_COLUMNS to the current key; rows it cannot open are reported, not changed. */
export async function rotateEncryptionKey(options: { batchSize?: number; onBatch?: (name: string, rotated: number) => void } = {}): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 500;
  const report: RotationReport = {};
  for (const target of ENCRYPTED_COLUMNS) {
    const entry = { rotated: 0, unreadable: [] as string[] };
    report[target.name] = entry;
    for (;;) {
      const batch = await rotateBatch(target, { batchSize, skip: entry.unreadable });
      entry.rotated += batch.rotated;
      entry.unreadable.push(...batch.unreadable);
      if (batch.rotated > 0) options.onBatch?.(target.name, batch.rotated);
      // Done when nothing is left; rows locked by the portal right now were skipped, so look again.
      if (batch.found === 0 && (await countRemaining(target, entry.unreadable)) === 0) break;
      if (batch.found === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return report;
}

async function countRemaining(target: EncryptedColumn, skip: string[]): Promise<number> {
  const result = await getDb().execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM ${sql.identifier(target.table)}
    WHERE ${sql.identifier(target.column)} NOT LIKE ${currentKeyPattern()} AND NOT (id::text = ANY(${sql.param(skip)}::text[]))`);
  return result.rows[0]?.n ?? 0;
}
