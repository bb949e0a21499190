// `npm run dev`: with DATABASE_URL set, that server; otherwise an embedded PostgreSQL under
// .data/ (gitignored). Either way the database is migrated and, when empty, seeded with the
// demo data; unless RESELLER_PORTAL_ISSUER names a real one, the stand-in reseller portal
// starts on its own port (scripts/reseller-portal-stand-in); then `next dev` starts with the
// settings it needs, its log lines made readable (pino-pretty) and each request given an id,
// as the production server does.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import nextEnv from '@next/env';
import { Client } from 'pg';
import pretty from 'pino-pretty';
import { STAND_IN_ENTRY, standInEnvironment } from './reseller-portal-stand-in/settings';

nextEnv.loadEnvConfig(process.cwd(), true);
process.env.NEXT_TELEMETRY_DISABLED = '1';
// `npm run dev -- -p 3100` or PORT=3100: next dev and the default PUBLIC_BASE_URL (email links,
// lib/env.ts) follow the same port.
const portFlag = process.argv.findIndex((argument) => argument === '-p' || argument === '--port');
if (portFlag >= 0 && process.argv[portFlag + 1]) process.env.PORT = process.argv[portFlag + 1];
process.env.PORT ??= '3000';
const baseUrl = `http://localhost:${process.env.PORT}`;
const dataDir = path.join(process.cwd(), '.data');
mkdirSync(dataDir, { recursive: true, mode: 0o755 });

// Development secrets are generated once and kept under .data/, never committed.
function ensureDevelopmentSecrets(): Record<string, string> {
  const file = path.join(dataDir, 'dev-secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  stored.AUTH_SECRET ??= randomBytes(33).toString('base64');
  stored.TWO_FACTOR_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
  stored.RESELLER_PORTAL_STAND_IN_CLIENT_SECRET ??= randomBytes(24).toString('base64url');
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  process.env.AUTH_SECRET ??= stored.AUTH_SECRET;
  process.env.TWO_FACTOR_ENCRYPTION_KEY ??= stored.TWO_FACTOR_ENCRYPTION_KEY;
  return stored;
}

/**
 * The stand-in reseller portal (issue 15) on RESELLER_PORTAL_STAND_IN_PORT (3900), and the
 * portal's RESELLER_PORTAL_* settings for it; its lines are prefixed. Null when a real reseller
 * portal is configured.
 */
function startResellerPortalStandIn(clientSecret: string): { issuer: string; stop: () => void } | null {
  if (process.env.RESELLER_PORTAL_ISSUER) return null;
  const issuer = `http://localhost:${process.env.RESELLER_PORTAL_STAND_IN_PORT ?? 3900}`;
  // Its one redirect address: the portal's public address (lib/env.ts), as the portal sends it.
  const { standIn, portal } = standInEnvironment({ issuer, clientSecret, portalBaseUrls: [process.env.PUBLIC_BASE_URL || baseUrl] });
  for (const [key, value] of Object.entries(portal)) process.env[key] ??= value;
  const child = spawn(process.execPath, [path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs'), STAND_IN_ENTRY], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...standIn },
  });
  const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, '[reseller portal] ');
  child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return { issuer, stop: () => child.kill('SIGTERM') };
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

const developmentSecrets = ensureDevelopmentSecrets();
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
const { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemoData } = await import('../db/seed');
const { closePasswordHashPool } = await import('../lib/crypto/password-hash-pool');
const { hashPassword } = await import('../lib/auth/password-hash');
const { encryptSecret } = await import('../lib/crypto/secret-box');
if (await seedDemoData(getDb(), { hashPassword, encryptSecret })) console.log('Demo data loaded (see README, "Demo logins").');
await closeDb();
await closePasswordHashPool();

const standIn = startResellerPortalStandIn(developmentSecrets.RESELLER_PORTAL_STAND_IN_CLIENT_SECRET!);

const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
// Request ids for every process of next dev (it starts its server in a child process).
const requestContextPreload = `--import=${pathToFileURL(path.join(process.cwd(), 'scripts', 'dev-request-context.mjs')).href}`;
const child = spawn(process.execPath, [nextBin, 'dev', ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, requestContextPreload].filter(Boolean).join(' ') },
});
// The portal's JSON log lines become readable; Next's own lines pass through unchanged.
const readable = pretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', destination: 1 });
child.stdout!.pipe(readable);

// Once Next is ready: where to sign in, as whom, and where development email arrives.
let announced = false;
child.stdout!.on('data', (chunk: Buffer) => {
  if (announced || !/Ready in/.test(chunk.toString())) return;
  announced = true;
  // Through the same stream as Next's lines, so the banner comes after "Ready".
  readable.write(
    [
      '',
      `  Mobile Security Portal: ${baseUrl}/login`,
      `  Demo login:  tenant domain 123456.sms, username admin, password ${DEMO_PASSWORD},`,
      `               then the code of TOTP secret ${DEMO_TOTP_SECRET} (README, "Demo logins")`,
      `  Emails:      ${baseUrl}/dev/mailbox (nothing is sent in development)`,
      ...(standIn
        ? [
            `  Reseller portal (stand-in): ${standIn.issuer}, for "Log in with your reseller portal account":`,
            `               reseller.admin in 100001.sms (two-factor active, the same TOTP secret),`,
            `               rsp.admin in 123456.sms (no two-factor yet: the RSP dialog; activate it at ${standIn.issuer}/two-factor)`,
            `               password ${DEMO_PASSWORD} for both`,
          ]
        : []),
      '',
      '',
    ].join('\n'),
  );
});

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  standIn?.stop();
  await stopEmbedded?.();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
child.on('exit', (code) => void shutdown(code ?? 0));
