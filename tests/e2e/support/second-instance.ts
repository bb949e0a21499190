import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../support/free-port';
import { startAppServer, type AppServer } from '../../support/server-process';

// A second production server of the same build, with the same settings (secrets, DATABASE_URL,
// public URL, email provider) as the suite's first one: two instances behind one address, as a
// load balancer would run them. The global setup hands over its settings in E2E_APP_ENV_JSON.

export type AppInstance = { name: string; baseUrl: string; logPath: string };

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser suite with \`npm run test:e2e\` (global setup)`);
  return value;
}

/** The suite's own server (instance A). */
export function firstInstance(): AppInstance {
  return { name: 'A', baseUrl: requiredEnv('E2E_BASE_URL'), logPath: requiredEnv('E2E_SERVER_LOG') };
}

/**
 * Starts another production server of the suite's build with the suite's settings, on a free port;
 * `overrides` may change settings that depend on its address. Stop it in afterAll.
 */
export async function startExtraInstance(options: {
  name: string;
  logFile: string;
  overrides?: (baseUrl: string) => Record<string, string>;
}): Promise<AppInstance & Pick<AppServer, 'stop'>> {
  const settings = JSON.parse(requiredEnv('E2E_APP_ENV_JSON')) as Record<string, string>;
  const logPath = path.join(requiredEnv('E2E_RESULTS_DIR'), options.logFile);
  const port = await findFreePort();
  const server = await startAppServer({
    appDir: requiredEnv('E2E_APP_BUILD_DIR'),
    port,
    env: { ...process.env, ...settings, ...options.overrides?.(`http://127.0.0.1:${port}`), NODE_ENV: 'production' },
    logPath,
    readyPath: '/login',
    readyTimeoutMs: 60_000,
  });
  return { name: options.name, baseUrl: server.baseUrl, logPath, stop: server.stop };
}

/** Instance B of the two-instance test: the same settings as A, behind the same public address. */
export function startSecondInstance(): Promise<AppInstance & Pick<AppServer, 'stop'>> {
  return startExtraInstance({ name: 'B', logFile: 'e2e-server-b.log' });
}

export type LogEvent = { event?: string; result?: string; actor?: string; actorUserId?: string; outboxId?: string; details?: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** Where the log ends now: read events written after this point with `readLogEvents`. */
export function logMark(instance: AppInstance): number {
  return existsSync(instance.logPath) ? statSync(instance.logPath).size : 0;
}

/** The structured (pino) lines an instance wrote since `fromByte`; other lines are skipped. */
export function readLogEvents(instance: AppInstance, fromByte = 0): LogEvent[] {
  if (!existsSync(instance.logPath)) return [];
  const text = readFileSync(instance.logPath).subarray(fromByte).toString('utf8');
  const events: LogEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      events.push(JSON.parse(line) as LogEvent);
    } catch {
      // A line still being written.
    }
  }
  return events;
}

/** Waits until the instance has logged a matching event since `fromByte` and returns the matches. */
export async function waitForLogEvents(
  instance: AppInstance,
  options: { fromByte: number; matches: (event: LogEvent) => boolean; timeoutMs?: number },
): Promise<LogEvent[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const found = readLogEvents(instance, options.fromByte).filter(options.matches);
    if (found.length > 0) return found;
    if (Date.now() > deadline) throw new Error(`instance ${instance.name} logged no matching event (${instance.logPath})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
