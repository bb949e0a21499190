// npm run bench:startup — start time, memory and /login page weight of the portal against a
// minimal Next.js app built in the same run with the same next/react, and Lighthouse on /login of
// both. Prints figures and ratios; asserts nothing (no timed tests).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../db/migrate';
import { findFreePort } from '../tests/support/free-port';
import { runLighthouse } from './support/lighthouse-scores';
import { MINIMAL_APP_DIR, MINIMAL_APP_PATHS, writeMinimalApp } from './support/minimal-app';
import { launchBenchBrowser, measureScriptTransfer } from './support/page-weight';
import { startAppServer, type AppServer } from '../tests/support/server-process';
import { readServerMemory, sendRequests } from './support/server-load';
import { memoryProbeEnv, readMemoryBreakdown } from './support/memory-breakdown';
import { printFigures, type Figures } from './support/startup-report';
import { prepareBenchDatabase } from './support/bench-database';
import { describeRuntime } from './support/runtime';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const REPO_ROOT = process.cwd();
const LOG_DIR = path.join(REPO_ROOT, 'test-results', 'bench');

type AppName = 'portal' | 'minimal';
type App = { name: AppName; dir: string; env: NodeJS.ProcessEnv };

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

function build(dir: string): void {
  const started = Date.now();
  // The app's own next (the minimal app's is a hard link of the repository's): a next from
  // another node_modules would render with a second copy of React.
  const nextBin = path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  execFileSync(process.execPath, [nextBin, 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
  log(`built ${path.relative(REPO_ROOT, dir) || 'the portal'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function start(app: App, probeMemory: boolean): Promise<AppServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...app.env, PUBLIC_BASE_URL: baseUrl, AUTH_URL: baseUrl, ...(probeMemory ? memoryProbeEnv(memoryReportPath(app)) : {}) };
  // Ready at the first 200 of the login page, asked every 10 ms: the start time is a figure here.
  return startAppServer({ appDir: app.dir, port, env, logPath: path.join(LOG_DIR, `${app.name}-server.log`), readyPath: '/login', readyStatus: 200, pollIntervalMs: 10, appendLog: true });
}

const memoryReportPath = (app: App) => path.join(LOG_DIR, `${app.name}-memory.json`);

/** Last start of a round: page weight, 10,000 requests and memory, Lighthouse, all on one server. */
async function measureRunningServer(app: App, server: AppServer, figures: Figures): Promise<void> {
  figures.rssAfterStart = readServerMemory(server.pid).rssMiB;
  const browser = await launchBenchBrowser();
  try {
    figures.scripts = await measureScriptTransfer(browser, `${server.baseUrl}/login`);
  } finally {
    await browser.close();
  }
  const load = await sendRequests({ baseUrl: server.baseUrl, paths: MINIMAL_APP_PATHS, total: REQUESTS, concurrency: CONCURRENCY });
  const memory = readServerMemory(server.pid);
  figures.rssAfterLoad = memory.rssMiB;
  figures.peak = memory.peakMiB;
  figures.rate = REQUESTS / load.seconds;
  // Where that RSS sits, read inside the server right after (the RSS ratio is a target).
  figures.memory = await readMemoryBreakdown(server.pid, memoryReportPath(app));
  const failures = Object.entries(load.statuses).filter(([status]) => status !== '200');
  if (failures.length > 0) console.warn(`${app.name}: answers other than 200: ${JSON.stringify(Object.fromEntries(failures))}`);
  log(`${app.name}: ${REQUESTS} requests in ${load.seconds.toFixed(0)} s`);
  for (const preset of ['mobile', 'desktop'] as const) {
    figures.lighthouse[preset] = await runLighthouse({ url: `${server.baseUrl}/login`, preset });
  }
  log(`${app.name}: Lighthouse done`);
}

mkdirSync(LOG_DIR, { recursive: true });
log(describeRuntime());
if (existsSync(path.join(REPO_ROOT, '.next', 'BUILD_ID'))) log('portal: using the existing production build in .next (run `npm run build` after changes)');
else build(REPO_ROOT);
writeMinimalApp();
build(MINIMAL_APP_DIR);

const database = await prepareBenchDatabase('msp_bench');
const cleanUp = async () => {
  await database.cleanup();
  if (!process.env.BENCH_KEEP_MINIMAL_APP) rmSync(MINIMAL_APP_DIR, { recursive: true, force: true });
};
// Ctrl-C: the servers are killed by their own handlers; drop the database and the minimal app too.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
try {
  await migrateDatabase(database.url);
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  const portalEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(33).toString('base64'),
    TWO_FACTOR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
  };
  const apps: App[] = [
    { name: 'portal', dir: REPO_ROOT, env: portalEnv },
    { name: 'minimal', dir: MINIMAL_APP_DIR, env: baseEnv },
  ];
  const figures: Record<AppName, Figures> = {
    portal: { startMs: [], rssAfterStart: 0, rssAfterLoad: 0, peak: 0, rate: 0, scripts: [], lighthouse: {} },
    minimal: { startMs: [], rssAfterStart: 0, rssAfterLoad: 0, peak: 0, rate: 0, scripts: [], lighthouse: {} },
  };
  // Starts alternate between the apps so drifts in machine load hit both alike.
  for (let round = 1; round <= STARTS; round += 1) {
    for (const app of apps) {
      // Only the measured start carries the memory probe, so the start times stay as before.
      const server = await start(app, round === STARTS);
      figures[app.name].startMs.push(server.startMs);
      try {
        if (round === STARTS) await measureRunningServer(app, server, figures[app.name]);
      } finally {
        await server.stop();
      }
    }
  }
  printFigures({ portal: figures.portal, minimal: figures.minimal, starts: STARTS, requests: REQUESTS, concurrency: CONCURRENCY, paths: MINIMAL_APP_PATHS });
} finally {
  await cleanUp();
}
