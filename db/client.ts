import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { readDatabaseSettings } from './database-settings';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbExecutor = Db | DbTransaction;

type DbCache = { pool: Pool; db: Db; url: string };

// Cached on globalThis so Next's hot reload in development does not open a new pool per edit.
const globalForDb = globalThis as unknown as { __mspDb?: DbCache };

export function getDb(): Db {
  const cached = globalForDb.__mspDb;
  if (cached && cached.url === process.env.DATABASE_URL) return cached.db;
  const env = readDatabaseSettings();
  const url = env.DATABASE_URL;
  const pool = new Pool({
    connectionString: url,
    max: env.DATABASE_POOL_SIZE,
    // A database that stops answering (dropped route, frozen host) resets nothing: without these
    // limits a request would wait for the OS's TCP timeouts (minutes) instead of failing cleanly.
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    query_timeout: env.DATABASE_QUERY_TIMEOUT_MS,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor may a checked-out one (inside a transaction): pg emits 'error' on the client itself, with no
  // listener while it is checked out, besides failing the running query, which already reports it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzle(pool, { schema });
  globalForDb.__mspDb = { pool, db, url };
  return db;
}

/** The pool behind getDb(), for what drizzle does not wrap (a server-side cursor: lib/exports/cursor-batches.ts). */
export function getDbPool(): Pool {
  getDb();
  return globalForDb.__mspDb!.pool;
}

export async function closeDb(): Promise<void> {
  const cached = globalForDb.__mspDb;
  globalForDb.__mspDb = undefined;
  if (cached) await cached.pool.end();
}

/** For the metrics: connections of this instance's pool (none before the first query). */
export function readDbPoolState(): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = globalForDb.__mspDb?.pool;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}
