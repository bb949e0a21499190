// `npm run dev`: with DATABASE_URL set, that server; otherwise an embedded PostgreSQL under
// .data/ (gitignored). Either way the database is migrated and, when empty, seeded with the
// demo data; then `next dev` starts with the settings it needs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';
import { Client } from 'pg';

nextEnv.loadEnvConfig(process.cwd(), true);
process.env.NEXT_TELEMETRY_DISABLED = '1';
const dataDir = path.join(process.cwd(), '.data');
mkdirSync(dataDir, { recursive: true, mode: 0o755 });

// Development secrets are generated once and kept under .data/, never committed.
function ensureDevelopmentSecrets(): void {
  const file = path.join(dataDir, 'dev-secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  stored.AUTH_SECRET ??= randomBytes(33).toString('base64');
  stored.TWO_FACTOR_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  process.env.AUTH_SECRET ??= stored.AUTH_SECRET;
  process.env.TWO_FACTOR_ENCRYPTION_KEY ??= stored.TWO_FACTOR_ENCRYPTION_KEY;
}

async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

ensureDevelopmentSecrets();
let stopEmbedded: (() => Promise<void>) | undefined;
if (!process.env.DATABASE_URL) {
  const { startEmbeddedPostgres } = await import('../db/embedded-postgres');
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  console.log(`Starting embedded PostgreSQL on 127.0.0.1:${port} (data in .data/postgres)…`);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port, persistent: true });
  stopEmbedded = server.stop;
  process.env.DATABASE_URL = await ensureDatabase(server.url, 'portal');
}

const { migrateDatabase } = await import('../db/migrate');
await migrateDatabase(process.env.DATABASE_URL!);
const { getDb, closeDb } = await import('../db/client');
const { seedDemoData } = await import('../db/seed');
const { closePasswordHashPool } = await import('../lib/auth/password-hash-pool');
if (await seedDemoData(getDb())) console.log('Demo data loaded (see README, "Demo logins").');
await closeDb();
await closePasswordHashPool();

const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const child = spawn(process.execPath, [nextBin, 'dev', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await stopEmbedded?.();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
child.on('exit', (code) => void shutdown(code ?? 0));
