// npm run bench:login — login capacity, no stall while logins run, full sign-in against the
// password step (issue 5). Drives the production build (server.mjs) over loopback HTTP as a
// browser without JavaScript does and compares with baselines measured in the same run.
// It prints figures and asserts nothing (no timed tests). Needs `npm run build` first.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { assertProductionBuild, startAppServer, type AppServer } from '../tests/support/server-process';
import { findFreePort } from '../tests/support/free-port';
import { prepareBenchDatabase } from './support/bench-database';
import { addCpu, cpuBetween, takeCpuSnapshot, type CpuSpent } from './support/cpu-accounting';
import { LoginClient } from './support/login-http';
import {
  combineResults,
  percentile,
  runClosedLoop,
  startProbe,
  takeEventLoopReport,
  type EventLoopReport,
  type LoadResult,
} from './support/load-runner';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = setting('BENCH_CLIENTS', 24);
const ROUNDS = setting('BENCH_ROUNDS', 2);
const DURATION_MS = setting('BENCH_DURATION_MS', 10_000);
const RAW_MS = setting('BENCH_RAW_MS', 6_000);
const STALL_MS = setting('BENCH_STALL_MS', 8_000);
const IDLE_MS = setting('BENCH_IDLE_MS', 10_000);
const PROBE_INTERVAL_MS = setting('BENCH_PROBE_INTERVAL_MS', 50);
const USER_COUNT = setting('BENCH_USERS', 3_000);
const LOGIN_PAGE_GETS = setting('BENCH_LOGIN_PAGE_GETS', 200);
const COSTS = (process.env.BENCH_COSTS ?? '10,12').split(',').map(Number);
const KEYCLOAK_LOGINS_PER_VCPU = 15;

const repoRoot = process.cwd();
// BENCH_APP_DIR: the production build of another checkout (e.g. main) served instead, so a
// branch and its baseline can be measured alternately by the same script.
const appDir = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : repoRoot;
assertProductionBuild(appDir);
const cores = availableParallelism();
const runStart = performance.now();

// The server and this process (seeding, raw baseline) must share the two-factor key.
process.env.TWO_FACTOR_ENCRYPTION_KEY = randomBytes(32).toString('base64');
const authSecret = randomBytes(33).toString('base64');

const { migrateDatabase } = await import('../db/migrate');
const { resetEnvCache } = await import('../lib/env');
const { hashPassword, verifyPassword } = await import('../lib/auth/password-hash');
const { closePasswordHashPool } = await import('../lib/crypto/password-hash-pool');
const { generateTotpCode } = await import('../lib/auth/totp');
const { DEMO_TOTP_SECRET } = await import('../db/seed');
const { seedLoginUsers, setBenchPasswordHash, BENCH_PASSWORD, BENCH_CUSTOMER_DOMAIN } = await import('./support/seed-login-users');

type CostFigures = {
  cost: number;
  raw: LoadResult;
  password: LoadResult;
  stallLoad: LoadResult;
  full: LoadResult;
  idleP99: number;
  loadedP99: number;
  idleSamples: number;
  loadedSamples: number;
  probeErrors: number;
  idleLoop: EventLoopReport;
  loadedLoop: EventLoopReport[];
  rawCpuMs: number;
  passwordCpu: CpuSpent;
  fullCpu: CpuSpent;
  /** Server main-thread CPU per signed-in page (idle prober) and per GET /login, ms. */
  pageMainMs: number;
  loginPageMainMs: number;
};

const database = await prepareBenchDatabase('msp_bench_login');
const reportDir = mkdtempSync(path.join(tmpdir(), 'msp-bench-login-'));
const pool = new Pool({ connectionString: database.url, max: 2 });
const figures: CostFigures[] = [];
let throttleRows = -1;
try {
  await migrateDatabase(database.url);
  const seedStart = performance.now();
  const users = await seedLoginUsers(pool, USER_COUNT);
  console.log(`Seeded ${users.length} administrators with two-factor in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  // Password-step-only logins may repeat users; each full sign-in takes a user nobody signed in
  // with yet, because every TOTP time step is accepted once per user (replay protection).
  let nextPasswordUser = 0;
  let nextFreshUser = 0;
  const takeFreshUser = () => {
    if (nextFreshUser >= users.length) throw new Error(`all ${users.length} users have signed in once: raise BENCH_USERS`);
    return users[nextFreshUser++]!;
  };

  for (const cost of COSTS) {
    process.env.BCRYPT_COST = String(cost);
    resetEnvCache();
    // One hash for every bench user (same cost, same password): seeding takes one bcrypt run.
    const storedHash = await hashPassword(BENCH_PASSWORD);
    await setBenchPasswordHash(pool, storedHash);

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const reportFile = path.join(reportDir, `event-loop-${cost}.json`);
    const server: AppServer = await startAppServer({
      appDir,
      port,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        AUTH_SECRET: authSecret,
        PUBLIC_BASE_URL: baseUrl,
        AUTH_URL: baseUrl,
        AUTH_TRUST_HOST: 'true',
        BCRYPT_COST: String(cost),
        NEXT_TELEMETRY_DISABLED: '1',
        BENCH_EVENT_LOOP_REPORT: reportFile,
      },
      logPath: path.join(reportDir, `server-${cost}.log`),
      readyPath: '/login',
      readyTimeoutMs: 60_000,
    });
    try {
      const serverPid = server.pid;
      const passwordStep = () => {
        const user = users[nextPasswordUser++ % users.length]!;
        return new LoginClient(baseUrl).passwordStep({ ...user, password: BENCH_PASSWORD });
      };
      const fullSignIn = async () => {
        const client = new LoginClient(baseUrl);
        const first = await client.passwordStep({ ...takeFreshUser(), password: BENCH_PASSWORD });
        if (!first.ok) return first;
        return client.codeStep(generateTotpCode({ secret: DEMO_TOTP_SECRET }));
      };

      // Warm the server (first requests load and compile routes), then sign in the page prober.
      for (let index = 0; index < 3; index += 1) await fullSignIn();
      const prober = new LoginClient(baseUrl);
      const signedIn = await prober.passwordStep({ ...takeFreshUser(), password: BENCH_PASSWORD });
      const probeCode = signedIn.ok ? await prober.codeStep(generateTotpCode({ secret: DEMO_TOTP_SECRET })) : signedIn;
      if (!probeCode.ok) throw new Error(`the prober could not sign in: ${probeCode.reason}`);
      const signedInPage = `/tenant/${BENCH_CUSTOMER_DOMAIN}`;
      const probePage = async () => (await prober.fetchPage(signedInPage)) === 200;
      if (!(await probePage())) throw new Error(`${signedInPage} did not answer 200 for the signed-in prober`);

      await takeEventLoopReport(serverPid, reportFile);
      const idleCpuBefore = await takeCpuSnapshot(serverPid, pool);
      const idleProbe = startProbe(probePage, PROBE_INTERVAL_MS);
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      const idle = await idleProbe.stop();
      const idleLoop = await takeEventLoopReport(serverPid, reportFile);
      const pageMainMs = cpuBetween(idleCpuBefore, await takeCpuSnapshot(serverPid, pool)).serverMainMs / Math.max(1, idle.latencies.length + idle.errors);
      // The login form alone, one request at a time: what every password step renders first.
      const loginPageCpuBefore = await takeCpuSnapshot(serverPid, pool);
      for (let index = 0; index < LOGIN_PAGE_GETS; index += 1) await new LoginClient(baseUrl).fetchPage('/login');
      const loginPageMainMs = cpuBetween(loginPageCpuBefore, await takeCpuSnapshot(serverPid, pool)).serverMainMs / LOGIN_PAGE_GETS;

      const raw: LoadResult[] = [];
      const password: LoadResult[] = [];
      const full: LoadResult[] = [];
      const stallLoad: LoadResult[] = [];
      const loadedLatencies: number[] = [];
      const loadedLoop: EventLoopReport[] = [];
      let probeErrors = idle.errors;
      let rawCpuMs = 0;
      const passwordCpu: CpuSpent[] = [];
      const fullCpu: CpuSpent[] = [];
      // Baseline and HTTP runs alternate, so load from elsewhere on the machine hits both alike.
      for (let round = 1; round <= ROUNDS; round += 1) {
        const rawCpuBefore = process.cpuUsage();
        raw.push(
          await runClosedLoop({
            concurrency: CLIENTS,
            durationMs: RAW_MS,
            task: async () => ((await verifyPassword(BENCH_PASSWORD, storedHash)) ? { ok: true } : { ok: false, reason: 'did not verify' }),
          }),
        );
        const rawCpu = process.cpuUsage(rawCpuBefore);
        rawCpuMs += (rawCpu.user + rawCpu.system) / 1000;
        // Capacity and its CPU account without the page prober, whose requests would count as login cost.
        let cpuBefore = await takeCpuSnapshot(serverPid, pool);
        password.push(await runClosedLoop({ concurrency: CLIENTS, durationMs: DURATION_MS, task: passwordStep }));
        passwordCpu.push(cpuBetween(cpuBefore, await takeCpuSnapshot(serverPid, pool)));
        // The same login load again, now with a signed-in person paging and the event loop watched.
        const probe = startProbe(probePage, PROBE_INTERVAL_MS);
        await takeEventLoopReport(serverPid, reportFile);
        stallLoad.push(await runClosedLoop({ concurrency: CLIENTS, durationMs: STALL_MS, task: passwordStep }));
        loadedLoop.push(await takeEventLoopReport(serverPid, reportFile));
        const loaded = await probe.stop();
        loadedLatencies.push(...loaded.latencies);
        probeErrors += loaded.errors;
        cpuBefore = await takeCpuSnapshot(serverPid, pool);
        full.push(await runClosedLoop({ concurrency: CLIENTS, durationMs: DURATION_MS, task: fullSignIn }));
        fullCpu.push(cpuBetween(cpuBefore, await takeCpuSnapshot(serverPid, pool)));
        console.log(
          `cost ${cost} round ${round}: raw ${raw.at(-1)!.perSecond.toFixed(1)}/s, password step ${password.at(-1)!.perSecond.toFixed(1)}/s, ` +
            `with page prober ${stallLoad.at(-1)!.perSecond.toFixed(1)}/s, full sign-in ${full.at(-1)!.perSecond.toFixed(1)}/s`,
        );
      }
      figures.push({
        cost,
        raw: combineResults(raw),
        password: combineResults(password),
        stallLoad: combineResults(stallLoad),
        full: combineResults(full),
        idleP99: percentile(idle.latencies, 99),
        loadedP99: percentile(loadedLatencies, 99),
        idleSamples: idle.latencies.length,
        loadedSamples: loadedLatencies.length,
        probeErrors,
        idleLoop,
        loadedLoop,
        rawCpuMs,
        passwordCpu: addCpu(passwordCpu),
        fullCpu: addCpu(fullCpu),
        pageMainMs,
        loginPageMainMs,
      });
    } finally {
      await server.stop();
    }
  }
  // Only failures feed the throttle (lib/auth/login-throttle.ts): after thousands of successful
  // logins from one address there must be no counter at all.
  throttleRows = Number((await pool.query<{ count: string }>('SELECT count(*) FROM login_throttles')).rows[0]!.count);
} finally {
  await pool.end();
  await closePasswordHashPool();
  await database.cleanup();
  if (process.env.BENCH_KEEP_LOGS) console.log(`Server logs kept in ${reportDir}`);
  else rmSync(reportDir, { recursive: true, force: true });
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const columns = (label: string, values: string[]) => `${label.padEnd(50)}${values.map((value) => value.padStart(14)).join('')}`;
const each = (pick: (figure: CostFigures) => string) => figures.map(pick);
// The histogram holds the intervals of a 10-ms timer; the delay is what exceeds the timer's period.
const delayMs = (value: number, report: EventLoopReport) => Math.max(0, value - report.resolutionMs);
const worstLoop = (figure: CostFigures, pick: (report: EventLoopReport) => number) =>
  Math.max(...figure.loadedLoop.map((report) => delayMs(pick(report), report)));

console.log(
  `\nLogin load (app: ${path.relative(repoRoot, appDir) || 'this checkout'}): ${cores} vCPU (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, PostgreSQL ${database.serverVersion}; ` +
    `${CLIENTS} clients, ${ROUNDS} round(s) of ${DURATION_MS / 1000} s per HTTP figure, ${RAW_MS / 1000} s per baseline, ${STALL_MS / 1000} s of login load with the page prober.`,
);
console.log(columns('', each((figure) => `cost ${figure.cost}`)));
console.log(columns('raw verifyPassword (worker pool), per second', each((f) => fixed(f.raw.perSecond))));
console.log(columns('password step over HTTP, per second', each((f) => fixed(f.password.perSecond))));
console.log(columns('  capacity: HTTP / raw (target >= 0.85)', each((f) => fixed(f.password.perSecond / f.raw.perSecond, 2))));
console.log(columns('  password steps per second per vCPU', each((f) => fixed(f.password.perSecond / cores))));
console.log(columns('  Keycloak anchor, password logins/s per vCPU', each(() => String(KEYCLOAK_LOGINS_PER_VCPU))));
console.log(columns('full sign-in (password + code), per second', each((f) => fixed(f.full.perSecond))));
console.log(columns('  full / password step (target >= 0.90)', each((f) => fixed(f.full.perSecond / f.password.perSecond, 2))));
console.log(columns('signed-in page p99 idle, ms', each((f) => `${fixed(f.idleP99)} (n=${f.idleSamples})`)));
console.log(columns('signed-in page p99 under login load, ms', each((f) => `${fixed(f.loadedP99)} (n=${f.loadedSamples})`)));
console.log(columns('  loaded / idle (target <= 2)', each((f) => fixed(f.loadedP99 / f.idleP99, 2))));
console.log(columns('event-loop delay p99 idle, ms', each((f) => fixed(delayMs(f.idleLoop.p99, f.idleLoop)))));
console.log(columns('event-loop delay p99 under login load, ms (< 20)', each((f) => fixed(worstLoop(f, (report) => report.p99)))));
console.log(columns('event-loop delay max under login load, ms', each((f) => fixed(worstLoop(f, (report) => report.max)))));
// What stops the event loop besides renders: the collector's main-thread pauses in the same windows.
const gcUnderLoad = (figure: CostFigures, kind: 'scavenge' | 'markCompact') => {
  const pauses = figure.loadedLoop.map((report) => report.gcPauses?.[kind]).filter((entry) => entry !== undefined);
  const count = pauses.reduce((sum, entry) => sum + entry.count, 0);
  const max = Math.max(0, ...pauses.map((entry) => entry.maxMs));
  return `${count}, max ${fixed(max)}`;
};
console.log(columns('  GC pauses under login load: scavenges, max ms', each((f) => gcUnderLoad(f, 'scavenge'))));
console.log(columns('  GC pauses under login load: mark-compacts, max ms', each((f) => gcUnderLoad(f, 'markCompact'))));
// Time the main thread was ready to run but had no CPU (the bcrypt workers, PostgreSQL, this load
// generator and V8's helpers share the cores): per second of the loaded windows.
const waitingForCpu = (reports: EventLoopReport[]) => {
  const windows = reports.filter((report) => report.mainThread !== null);
  if (windows.length === 0) return 'n/a';
  const seconds = windows.reduce((sum, report) => sum + report.windowMs, 0) / 1000;
  const waiting = windows.reduce((sum, report) => sum + report.mainThread!.waitingForCpuMs, 0);
  const onCpu = windows.reduce((sum, report) => sum + report.mainThread!.onCpuMs, 0);
  return `${fixed(waiting / seconds)} | ${fixed(onCpu / seconds)}`;
};
console.log(columns('main thread waiting for a CPU | on one, ms/s, idle', each((f) => waitingForCpu([f.idleLoop]))));
console.log(columns('  the same under login load', each((f) => waitingForCpu(f.loadedLoop))));
const perLogin = (spent: CpuSpent, result: LoadResult, pick: (spent: CpuSpent) => number) => pick(spent) / (result.completed + result.failed);
const cpuTotal = (spent: CpuSpent) => spent.serverMainMs + spent.serverThreadsMs + spent.clientMs + spent.databaseMs;
const rawCpuPerVerify = (f: CostFigures) => f.rawCpuMs / (f.raw.completed + f.raw.failed);
console.log('CPU time per operation, ms (from /proc; holds on a busy machine where rates do not):');
console.log(columns('  raw verifyPassword (bench process, all threads)', each((f) => fixed(rawCpuPerVerify(f)))));
for (const [label, pick] of [
  ['server main thread', (spent: CpuSpent) => spent.serverMainMs],
  ['server other threads (bcrypt, GC, libuv)', (spent: CpuSpent) => spent.serverThreadsMs],
  ['load generator (this process)', (spent: CpuSpent) => spent.clientMs],
  ['PostgreSQL (this database)', (spent: CpuSpent) => spent.databaseMs],
  ['total', cpuTotal],
] as const) {
  console.log(columns(`  ${label}: password step | full sign-in`, each((f) => `${fixed(perLogin(f.passwordCpu, f.password, pick))} | ${fixed(perLogin(f.fullCpu, f.full, pick))}`)));
}
console.log(columns('  server main thread per signed-in page (idle prober)', each((f) => fixed(f.pageMainMs))));
console.log(columns('  server main thread per GET /login (one at a time)', each((f) => fixed(f.loginPageMainMs))));
console.log(columns('  CPU-time capacity: raw / password step total', each((f) => fixed(rawCpuPerVerify(f) / perLogin(f.passwordCpu, f.password, cpuTotal), 2))));
// All cores busy with nothing else: the rate CPU time allows, whatever else ran on the machine.
console.log(columns('  password steps/s per vCPU that CPU time allows', each((f) => fixed(1000 / perLogin(f.passwordCpu, f.password, cpuTotal)))));
// What the server would reach with its clients on other machines.
const withoutClient = (spent: CpuSpent) => cpuTotal(spent) - spent.clientMs;
console.log(columns('  same without the load generator', each((f) => fixed(rawCpuPerVerify(f) / perLogin(f.passwordCpu, f.password, withoutClient), 2))));
console.log(columns('  CPU-time full: password step / full sign-in', each((f) => fixed(perLogin(f.passwordCpu, f.password, cpuTotal) / perLogin(f.fullCpu, f.full, cpuTotal), 2))));
const failures = figures.flatMap((f) => [...f.raw.failures, ...f.password.failures, ...f.stallLoad.failures, ...f.full.failures]);
console.log(
  `\nEvent-loop delay: perf_hooks.monitorEventLoopDelay inside the server (server.mjs, BENCH_EVENT_LOOP_REPORT), ` +
    `minus its ${figures[0]?.idleLoop.resolutionMs ?? '?'}-ms timer period; the worst round is shown. GC pauses: PerformanceObserver 'gc' entries there, all rounds.`,
);
console.log(`Failed requests: ${failures.length === 0 ? 'none' : failures.map(([reason, count]) => `${count}× ${reason}`).join('; ')}; page probe errors: ${figures.reduce((sum, f) => sum + f.probeErrors, 0)}.`);
console.log(`Throttle counters left after all logins: ${throttleRows} (successes never count; no bench-only relaxation is used).`);
console.log(`Whole run: ${((performance.now() - runStart) / 1000).toFixed(0)} s.`);
