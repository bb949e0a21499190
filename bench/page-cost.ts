// npx tsx bench/page-cost.ts — the server's main-thread CPU time per page, one request at a time
// (BENCH_PAGE_REQUESTS each, after a warm-up): a signed-in page, /login and /login/code, with the
// size of each answer. With BENCH_CPU_PROF=1 the server runs with --cpu-prof and writes its
// profile to BENCH_PROFILE_DIR (default .data/profiles). With BENCH_MINIMAL=1 it also builds the
// minimal Next.js app of bench/support/minimal-app.ts and measures its /login the same way: the
// framework's own cost of a page rendered per request. Prints figures, asserts nothing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { assertProductionBuild, startAppServer } from '../tests/support/server-process';
import { findFreePort } from '../tests/support/free-port';
import { prepareBenchDatabase } from './support/bench-database';
import { takeCpuSnapshot, cpuBetween } from './support/cpu-accounting';
import { LoginClient } from './support/login-http';
import { MINIMAL_APP_DIR, writeMinimalApp } from './support/minimal-app';
import { describeRuntime } from './support/runtime';

const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 200);
const profileDir = path.resolve(process.env.BENCH_PROFILE_DIR ?? '.data/profiles');
const repoRoot = process.cwd();
// BENCH_APP_DIR: the production build of another checkout (e.g. main) served instead, so a
// branch and its baseline can be measured alternately by the same script.
const appDir = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : repoRoot;
assertProductionBuild(appDir);
mkdirSync(profileDir, { recursive: true });
process.env.TWO_FACTOR_ENCRYPTION_KEY = randomBytes(32).toString('base64');
process.env.BCRYPT_COST = '10';

const { migrateDatabase } = await import('../db/migrate');
const { hashPassword } = await import('../lib/auth/password-hash');
const { closePasswordHashPool } = await import('../lib/crypto/password-hash-pool');
const { generateTotpCode } = await import('../lib/auth/totp');
const { DEMO_TOTP_SECRET } = await import('../db/seed');
const { seedLoginUsers, setBenchPasswordHash, BENCH_PASSWORD, BENCH_CUSTOMER_DOMAIN } = await import('./support/seed-login-users');

console.log(`${describeRuntime()}; app: ${path.relative(repoRoot, appDir) || 'this checkout'}`);

/** Main-thread CPU per GET of `page`, one request at a time after 20 warm-up requests. */
async function measure(baseUrl: string, pid: number, label: string, page: string, owner: LoginClient | null): Promise<void> {
  const get = async () => {
    const response = await fetch(`${baseUrl}${page}`, { headers: { cookie: owner ? owner.cookieHeader() : '' }, redirect: 'manual' });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    return body.byteLength;
  };
  for (let index = 0; index < 20; index += 1) await get();
  const before = await takeCpuSnapshot(pid, pool);
  let bytes = 0;
  for (let index = 0; index < REQUESTS; index += 1) bytes = await get();
  const spent = cpuBetween(before, await takeCpuSnapshot(pid, pool));
  console.log(
    `${label.padEnd(22)} server main thread ${(spent.serverMainMs / REQUESTS).toFixed(1).padStart(5)} ms, other threads ${(spent.serverThreadsMs / REQUESTS).toFixed(1).padStart(4)} ms, ` +
      `PostgreSQL ${(spent.databaseMs / REQUESTS).toFixed(1).padStart(4)} ms per request; HTML ${(bytes / 1024).toFixed(1)} KiB uncompressed`,
  );
}
const database = await prepareBenchDatabase('msp_bench_profile');
const pool = new Pool({ connectionString: database.url, max: 2 });
try {
  await migrateDatabase(database.url);
  const users = await seedLoginUsers(pool, 10);
  await setBenchPasswordHash(pool, await hashPassword(BENCH_PASSWORD));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startAppServer({
    appDir,
    port,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...(process.env.BENCH_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(33).toString('base64'),
      PUBLIC_BASE_URL: baseUrl,
      AUTH_URL: baseUrl,
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    logPath: path.join(profileDir, 'server.log'),
    readyPath: '/login',
  });
  try {
    const client = new LoginClient(baseUrl);
    const step = await client.passwordStep({ ...users[0]!, password: BENCH_PASSWORD });
    const code = step.ok ? await client.codeStep(generateTotpCode({ secret: DEMO_TOTP_SECRET })) : step;
    if (!code.ok) throw new Error(`sign-in failed: ${code.reason}`);
    // A browser between password and code step: its pending-login cookie opens /login/code.
    const pending = new LoginClient(baseUrl);
    const pendingStep = await pending.passwordStep({ ...users[1]!, password: BENCH_PASSWORD });
    if (!pendingStep.ok) throw new Error(`password step failed: ${pendingStep.reason}`);
    const pages: Array<[string, LoginClient | null]> = [
      [`/tenant/${BENCH_CUSTOMER_DOMAIN}`, client],
      ['/login', null],
      ['/login/code', pending],
    ];
    for (const [page, owner] of pages) await measure(baseUrl, server.pid, page, page, owner);
  } finally {
    await server.stop();
  }
  if (process.env.BENCH_CPU_PROF) console.log(`Profiles in ${profileDir}`);
  if (process.env.BENCH_MINIMAL) {
    writeMinimalApp();
    try {
      const nextBin = path.join(MINIMAL_APP_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
      const buildEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
      delete buildEnv.NODE_OPTIONS;
      execFileSync(process.execPath, [nextBin, 'build'], { cwd: MINIMAL_APP_DIR, stdio: ['ignore', 'ignore', 'inherit'], env: buildEnv });
      const port = await findFreePort();
      const minimal = await startAppServer({ appDir: MINIMAL_APP_DIR, port, env: buildEnv, logPath: path.join(profileDir, 'minimal.log'), readyPath: '/login' });
      try {
        await measure(`http://127.0.0.1:${port}`, minimal.pid, 'minimal app /login', '/login', null);
      } finally {
        await minimal.stop();
      }
    } finally {
      rmSync(MINIMAL_APP_DIR, { recursive: true, force: true });
    }
  }
} finally {
  await pool.end();
  await closePasswordHashPool();
  await database.cleanup();
}
