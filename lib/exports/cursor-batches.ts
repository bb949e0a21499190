import 'server-only';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { getDbPool } from '@/db/client';

const dialect = new PgDialect();
const IDLE_LIMIT_SECONDS = 60;

/**
 * The rows of one query in batches, through a PostgreSQL cursor (DECLARE … FETCH) in a read-only
 * transaction: the query runs once (a consistent snapshot, any ORDER BY, no re-aggregation per
 * batch as keyset pages of an aggregate would need) and only one batch is in memory at a time.
 * The connection is held until the last batch or until the consumer stops (return() of the
 * generator, e.g. a cancelled download), then given back; each FETCH is still bound by the
 * pool's query timeout.
 */
export async function* cursorBatches<T>(query: SQL, batchSize = 500): AsyncGenerator<T[], void, undefined> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const client = await getDbPool().connect();
  let isOpen = false;
  let failure: Error | undefined;
  try {
    await client.query('BEGIN READ ONLY');
    isOpen = true;
    // A download that stops reading (a stalled or malicious client) must not hold a pooled
    // connection for ever: PostgreSQL ends the session after a minute without a FETCH, the next
    // read fails, and the broken connection is dropped from the pool.
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = '${IDLE_LIMIT_SECONDS}s'`);
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${text}`, params);
    for (;;) {
      const { rows } = await client.query(`FETCH ${Math.trunc(batchSize)} FROM export_rows`);
      if (rows.length === 0) break;
      yield rows as T[];
    }
    await client.query('COMMIT');
    isOpen = false;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    if (isOpen) await client.query('ROLLBACK').catch(() => undefined);
    // A connection that failed mid-query is dropped rather than reused.
    client.release(failure);
  }
}
