import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../../../db/migrate';
import { runAdminStatement, withDatabase } from '../../support/database-url';
import { findFreePort } from '../../support/free-port';
import { startThrowawayPostgres } from '../../support/throwaway-postgres';
import { startFakeResendServer } from '../../support/fake-resend-server';
import { STAND_IN_ENTRY, standInEnvironment } from '../../../scripts/reseller-portal-stand-in/settings';
import { assertProductionBuild, readLogTail, spawnInOwnGroup, startAppServer, waitForHttp } from '../../support/server-process';

type Cleanup = () => Promise<void>;
type GlobalWithE2e = typeof globalThis & { __mspE2eCleanup?: Cleanup[] };

const SEED_TIMEOUT_MS = 180_000;
const READY_TIMEOUT_MS = 60_000;

/** The machine's PostgreSQL when TEST_DATABASE_URL is set, otherwise an embedded one for this run. */
async function startDatabaseServer(cleanups: Cleanup[], logPath: string): Promise<string> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return configured;
  const logFd = openSync(logPath, 'w');
  const server = await startThrowawayPostgres({
    prefix: 'msp-e2e-pg-',
    onLog: (message) => {
      try {
        writeSync(logFd, `${message.trimEnd()}\n`);
      } catch {
        // Log closed during shutdown.
      }
    },
  });
  cleanups.push(async () => {
    await server.stop();
    closeSync(logFd);
  });
  return server.url;
}

/** Loads the demo data through the same script people run (`npm run db:seed`). */
async function seedDatabase(options: { repoRoot: string; env: NodeJS.ProcessEnv; logPath: string }): Promise<void> {
  const script = process.env.E2E_SEED_SCRIPT ?? 'scripts/db-seed.ts';
  if (!existsSync(path.resolve(options.repoRoot, script))) {
    throw new Error(`${script} is missing: the browser suite needs the demo seed (npm run db:seed)`);
  }
  const logFd = openSync(options.logPath, 'w');
  const child = spawn('npx', ['--no', 'tsx', script], {
    cwd: options.repoRoot,
    env: options.env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const outcome = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), SEED_TIMEOUT_MS);
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? 'ok' : `exit ${code ?? signal}`);
    });
  });
  if (outcome !== 'ok') {
    throw new Error(`Seeding failed (${outcome}). Last lines of ${options.logPath}:\n${readLogTail(options.logPath)}`);
  }
}

/**
 * The stand-in Reseller Portal (issue 15), started as `npm run dev` starts it, with its test
 * controls on; its address is `localhost`, the app's `127.0.0.1`: two sites, as in production.
 * Returns the portal's RESELLER_PORTAL_* settings for it.
 */
async function startResellerPortalStandIn(options: { repoRoot: string; portalBaseUrl: string; logPath: string; cleanups: Cleanup[] }): Promise<Record<string, string>> {
  const issuer = `http://localhost:${await findFreePort()}`;
  const { standIn, portal } = standInEnvironment({ issuer, clientSecret: randomBytes(24).toString('base64url'), portalBaseUrls: [options.portalBaseUrl], testControl: true });
  const { child, stop } = spawnInOwnGroup('npx', ['--no', 'tsx', STAND_IN_ENTRY], { cwd: options.repoRoot, env: { ...process.env, ...standIn }, logPath: options.logPath });
  options.cleanups.push(stop);
  try {
    await waitForHttp(`${issuer}/.well-known/openid-configuration`, child, READY_TIMEOUT_MS);
  } catch (error) {
    throw new Error(`The stand-in Reseller Portal did not start: ${error instanceof Error ? error.message : error}. Last lines of ${options.logPath}:\n${readLogTail(options.logPath)}`);
  }
  return portal;
}

async function runCleanups(cleanups: Cleanup[]): Promise<void> {
  // Newest first: server, then database, then the PostgreSQL server.
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('e2e cleanup step failed:', error);
    }
  }
}

export async function teardownE2e(): Promise<void> {
  await runCleanups((globalThis as GlobalWithE2e).__mspE2eCleanup ?? []);
}

export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  const repoRoot = globalConfig.rootDir;
  const appDir = path.resolve(repoRoot, process.env.E2E_APP_DIR ?? '.');
  const resultsDir = path.join(repoRoot, 'test-results');
  assertProductionBuild(appDir);
  mkdirSync(resultsDir, { recursive: true });

  const cleanups: Cleanup[] = [];
  (globalThis as GlobalWithE2e).__mspE2eCleanup = cleanups;
  try {
    const serverUrl = await startDatabaseServer(cleanups, path.join(resultsDir, 'e2e-postgres.log'));
    const database = `msp_e2e_${randomBytes(6).toString('hex')}`;
    await runAdminStatement(serverUrl, `CREATE DATABASE ${database}`);
    cleanups.push(() => runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    const databaseUrl = withDatabase(serverUrl, database);
    await migrateDatabase(databaseUrl);

    // Emails go to a local fake of Resend (the production build has no /dev/mailbox); tests read
    // them through tests/e2e/support/sent-emails.ts.
    const fakeResend = await startFakeResendServer();
    cleanups.push(fakeResend.close);

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const resellerPortal = await startResellerPortalStandIn({ repoRoot, portalBaseUrl: baseUrl, logPath: path.join(resultsDir, 'e2e-reseller-portal.log'), cleanups });
    // Fresh secrets per run; the seed gets the same ones so encrypted two-factor secrets stay readable.
    const appSettings: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(33).toString('base64'),
      TWO_FACTOR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_BASE_URL: baseUrl,
      AUTH_URL: baseUrl,
      AUTH_TRUST_HOST: 'true',
      BCRYPT_COST: '10',
      NEXT_TELEMETRY_DISABLED: '1',
      RESEND_API_KEY: 're_e2e_fake_key',
      RESEND_BASE_URL: fakeResend.url,
      EMAIL_WORKER_INTERVAL_MS: '250',
      ...resellerPortal,
    };
    const appEnv: NodeJS.ProcessEnv = { ...process.env, ...appSettings };
    // Seed as `npm run db:seed` runs in development (jest set NODE_ENV=test).
    const seedEnv: NodeJS.ProcessEnv = { ...appEnv, NODE_ENV: 'development' };
    await seedDatabase({ repoRoot, env: seedEnv, logPath: path.join(resultsDir, 'e2e-seed.log') });

    const serverLogPath = path.join(resultsDir, 'e2e-server.log');
    const server = await startAppServer({
      appDir,
      port,
      env: { ...appEnv, NODE_ENV: 'production' },
      logPath: serverLogPath,
      readyPath: '/login',
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    cleanups.push(server.stop);

    // Test files inherit these (jest copies process.env into every test environment).
    process.env.E2E_BASE_URL = server.baseUrl;
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_RESULTS_DIR = resultsDir;
    process.env.E2E_FAKE_RESEND_URL = fakeResend.url;
    process.env.E2E_RESELLER_PORTAL_URL = resellerPortal.RESELLER_PORTAL_ISSUER;
    // For a second instance of the same build (two-instances.e2e.ts): the settings above, the
    // build folder and the first server's log. Only in this process's environment, never on disk.
    process.env.E2E_APP_ENV_JSON = JSON.stringify(appSettings);
    process.env.E2E_APP_BUILD_DIR = appDir;
    process.env.E2E_SERVER_LOG = serverLogPath;
  } catch (error) {
    // Jest skips global teardown when global setup throws: clean up here.
    await runCleanups(cleanups);
    throw error;
  }
}
