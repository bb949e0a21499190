// npx tsx bench/page-cost.ts — the server's main-thread CPU time per page, one request at a time
// (BENCH_PAGE_REQUESTS each, after a warm-up): a signed-in page, /login and /login/code, with the
// size of each answer, and whole password steps (GET /login + the form POST) one at a time.
// BENCH_PAGES=tenant,login,password picks some of them.
//
// BENCH_COMPARE_DIR=<the production build of another checkout, e.g. main>: both builds are served
// at once and measured in alternating batches of 20 requests, so the drift of a shared machine's
// speed (±20 % between two runs a minute apart, seen here) falls on both alike; prints the ratio.
// BENCH_APP_DIR=<checkout> measures another build instead of this one.
//
// With BENCH_CPU_PROF=1 the server runs with --cpu-prof and writes its profile to BENCH_PROFILE_DIR
// (default .data/profiles); `node bench/cpu-profile-summary.mjs <file>` names the modules inside the
// bundled chunks. With BENCH_SAVE_HTML=1 each page's last answer is written there too. With
// BENCH_MINIMAL=1 it also builds the minimal Next.js app of bench/support/minimal-app.ts and measures
// its /login the same way: the framework's own cost of a page rendered per request. Prints figures,
// asserts nothing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { assertProductionBuild, startAppServer, type AppServer } from '../tests/support/server-process';
import { findFreePort } from '../tests/support/free-port';
import { prepareBenchDatabase } from './support/bench-database';
import { takeCpuSnapshot, cpuBetween, type CpuSpent } from './support/cpu-accounting';
import { LoginClient } from './support/login-http';
import { MINIMAL_APP_DIR, writeMinimalApp } from './support/minimal-app';
import { describeRuntime } from './support/runtime';

const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 200);
const BATCH = 20;
const profileDir = path.resolve(process.env.BENCH_PROFILE_DIR ?? '.data/profiles');
const repoRoot = process.cwd();
const appDir = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : repoRoot;
const compareDir = process.env.BENCH_COMPARE_DIR ? path.resolve(process.env.BENCH_COMPARE_DIR) : null;
const only = process.env.BENCH_PAGES?.split(',');
const wanted = (page: string) => !only || only.some((part) => page.includes(part));
for (const dir of [appDir, ...(compareDir ? [compareDir] : [])]) assertProductionBuild(dir);
mkdirSync(profileDir, { recursive: true });
process.env.TWO_FACTOR_ENCRYPTION_KEY = randomBytes(32).toString('base64');
process.env.BCRYPT_COST = '10';

const { migrateDatabase } = await import('../db/migrate');
const { hashPassword } = await import('../lib/auth/password-hash');
const { closePasswordHashPool } = await import('../lib/crypto/password-hash-pool');
const { generateTotpCode } = await import('../lib/auth/totp');
const { DEMO_TOTP_SECRET } = await import('../db/seed');
const { seedLoginUsers, setBenchPasswordHash, BENCH_PASSWORD, BENCH_CUSTOMER_DOMAIN } = await import('./support/seed-login-users');

const label = (dir: string) => path.relative(repoRoot, dir) || 'this checkout';
console.log(`${describeRuntime()}; app: ${label(appDir)}${compareDir ? `, compared with ${label(compareDir)}` : ''}`);

type App = { name: string; server: AppServer; baseUrl: string; signedIn: LoginClient; pending: LoginClient };
type Work = (app: App, index: number) => Promise<number>;
const zero = (): CpuSpent => ({ serverMainMs: 0, serverThreadsMs: 0, clientMs: 0, databaseMs: 0 });

/** `count` runs of `work` per app after a warm-up, in alternating batches; the CPU each app's server spent. */
async function measure(apps: App[], count: number, work: Work): Promise<CpuSpent[]> {
  const spent = apps.map(zero);
  for (const app of apps) for (let index = 0; index < Math.min(BATCH, count); index += 1) await work(app, index);
  for (let done = 0, round = 0; done < count; done += BATCH, round += 1) {
    const size = Math.min(BATCH, count - done);
    // ABBA: neither build always goes first.
    const order = round % 2 === 0 ? apps.map((_, index) => index) : apps.map((_, index) => apps.length - 1 - index);
    for (const which of order) {
      const app = apps[which]!;
      const before = await takeCpuSnapshot(app.server.pid, pool);
      for (let index = 0; index < size; index += 1) await work(app, done + index);
      const part = cpuBetween(before, await takeCpuSnapshot(app.server.pid, pool));
      const sum = spent[which]!;
      sum.serverMainMs += part.serverMainMs;
      sum.serverThreadsMs += part.serverThreadsMs;
      sum.databaseMs += part.databaseMs;
    }
  }
  return spent;
}

function report(title: string, apps: App[], spent: CpuSpent[], count: number, unit: string, extra: (index: number) => string = () => ''): void {
  spent.forEach((cpu, index) => {
    const name = apps.length > 1 ? ` [${apps[index]!.name}]` : '';
    console.log(
      `${(title + name).padEnd(34)} server main thread ${(cpu.serverMainMs / count).toFixed(1).padStart(5)} ms, other threads ${(cpu.serverThreadsMs / count).toFixed(1).padStart(4)} ms, ` +
        `PostgreSQL ${(cpu.databaseMs / count).toFixed(1).padStart(4)} ms per ${unit}${extra(index)}`,
    );
  });
  if (apps.length > 1) console.log(`${''.padEnd(34)} main thread ratio ${apps[0]!.name} ÷ ${apps[1]!.name}: ${(spent[0]!.serverMainMs / spent[1]!.serverMainMs).toFixed(2)}`);
}

async function measurePage(apps: App[], page: string, owner: (app: App) => LoginClient | null): Promise<void> {
  const bytes = apps.map(() => 0);
  const spent = await measure(apps, REQUESTS, async (app, index) => {
    const response = await fetch(`${app.baseUrl}${page}`, { headers: { cookie: owner(app)?.cookieHeader() ?? '' }, redirect: 'manual' });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    bytes[apps.indexOf(app)] = body.byteLength;
    if (process.env.BENCH_SAVE_HTML && index === 0) writeFileSync(path.join(profileDir, `${app.name}${page.replace(/[^a-z0-9.]+/gi, '_')}.html`), Buffer.from(body));
    return body.byteLength;
  });
  report(page, apps, spent, REQUESTS, 'request', (index) => `; HTML ${(bytes[index]! / 1024).toFixed(1)} KiB uncompressed`);
}

const database = await prepareBenchDatabase('msp_bench_profile');
const pool = new Pool({ connectionString: database.url, max: 2 });
const servers: AppServer[] = [];
try {
  await migrateDatabase(database.url);
  const users = await seedLoginUsers(pool, 20);
  await setBenchPasswordHash(pool, await hashPassword(BENCH_PASSWORD));
  const apps: App[] = [];
  for (const [index, dir] of [appDir, ...(compareDir ? [compareDir] : [])].entries()) {
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = await startAppServer({
      appDir: dir,
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
      logPath: path.join(profileDir, `server-${index}.log`),
      readyPath: '/login',
    });
    servers.push(server);
    const signedIn = new LoginClient(baseUrl);
    const step = await signedIn.passwordStep({ ...users[index * 2]!, password: BENCH_PASSWORD });
    const code = step.ok ? await signedIn.codeStep(generateTotpCode({ secret: DEMO_TOTP_SECRET })) : step;
    if (!code.ok) throw new Error(`sign-in failed: ${code.reason}`);
    // A browser between password and code step: its pending-login cookie opens /login/code.
    const pending = new LoginClient(baseUrl);
    const pendingStep = await pending.passwordStep({ ...users[index * 2 + 1]!, password: BENCH_PASSWORD });
    if (!pendingStep.ok) throw new Error(`password step failed: ${pendingStep.reason}`);
    apps.push({ name: index === 0 ? 'A' : 'B', server, baseUrl, signedIn, pending });
  }
  if (compareDir) console.log(`A = ${label(appDir)}, B = ${label(compareDir)}`);
  const pages: Array<[string, (app: App) => LoginClient | null]> = [
    [`/tenant/${BENCH_CUSTOMER_DOMAIN}`, (app) => app.signedIn],
    ['/login', () => null],
    ['/login/code', (app) => app.pending],
  ];
  for (const [page, owner] of pages.filter(([page]) => wanted(page))) await measurePage(apps, page, owner);
  if (wanted('password')) {
    // Whole password steps one at a time (GET /login + the form POST; bcrypt runs in the worker
    // pool, "other threads"). Less GET /login above, this is what the POST alone costs.
    const steps = Math.max(BATCH, Math.round(REQUESTS / 4));
    const spent = await measure(apps, steps, async (app, index) => {
      const outcome = await new LoginClient(app.baseUrl).passwordStep({ ...users[4 + (index % 16)]!, password: BENCH_PASSWORD });
      if (!outcome.ok) throw new Error(`password step failed: ${outcome.reason}`);
      return 0;
    });
    report('password step (GET + POST)', apps, spent, steps, 'step');
  }
} finally {
  for (const server of servers) await server.stop();
}
try {
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
        const app = { name: 'minimal', server: minimal, baseUrl: `http://127.0.0.1:${port}` } as App;
        await measurePage([app], '/login', () => null);
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
