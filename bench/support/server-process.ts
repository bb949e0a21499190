// Starts a Next.js production server (a `server.mjs` run by node itself, so the child's pid is the
// serving process) and measures what the start/memory benchmark reports.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { performance } from 'node:perf_hooks';

export type ServerProcess = {
  baseUrl: string;
  /** Milliseconds from spawn() to the first 200 answer on the ready path. */
  startMs: number;
  /** Resident memory of the serving process now, in MiB (VmRSS), and its peak so far (VmHWM). */
  readMemory: () => { rssMiB: number; peakMiB: number };
  stop: () => Promise<void>;
};

const POLL_INTERVAL_MS = 10;

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || !isRunning(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function readStatusKiB(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  if (!match) throw new Error(`/proc/${pid}/status has no ${key}`);
  return Number(match[1]);
}

export async function startServerProcess(options: {
  appDir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logPath: string;
  readyPath: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const logFd = openSync(options.logPath, 'a');
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['server.mjs', '-p', String(options.port), '-H', '127.0.0.1'], {
    cwd: options.appDir,
    env: options.env,
    detached: true, // own process group: stop() takes anything it started along
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  // The server runs in its own process group: kill it however this script ends, Ctrl-C included.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  const killOnSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    // Default behaviour (exit) unless the caller handles the signal too, e.g. to clean up.
    if (process.listeners(signal).every((listener) => listener === killOnSignal)) {
      stopListening();
      process.kill(process.pid, signal);
    }
  };
  const stopListening = () => {
    process.off('exit', killOnExit);
    process.off('SIGINT', killOnSignal);
    process.off('SIGTERM', killOnSignal);
  };
  process.on('exit', killOnExit);
  process.on('SIGINT', killOnSignal);
  process.on('SIGTERM', killOnSignal);

  const stop = async () => {
    stopListening();
    if (!isRunning(child)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let lastStatus = 'no answer';
  while (Date.now() < deadline) {
    if (!isRunning(child)) {
      await stop();
      throw new Error(`${options.appDir}/server.mjs exited early (${child.exitCode ?? child.signalCode}); see ${options.logPath}`);
    }
    try {
      const response = await fetch(`${baseUrl}${options.readyPath}`, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 200) {
        const startMs = performance.now() - startedAt;
        const pid = child.pid!;
        const readMemory = () => ({ rssMiB: readStatusKiB(pid, 'VmRSS') / 1024, peakMiB: readStatusKiB(pid, 'VmHWM') / 1024 });
        return { baseUrl, startMs, readMemory, stop };
      }
      lastStatus = `status ${response.status}`;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  await stop();
  throw new Error(`GET ${baseUrl}${options.readyPath} gave no 200 in time (last: ${lastStatus}); see ${options.logPath}`);
}

/** Sends `total` GETs over `paths` in turn with `concurrency` clients; returns the count per status. */
export async function sendRequests(options: {
  baseUrl: string;
  paths: readonly string[];
  total: number;
  concurrency: number;
}): Promise<{ seconds: number; statuses: Record<number, number> }> {
  // node:http with keep-alive rather than fetch: the client shares the two cores with the server
  // and should take as little of them as it can.
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const statuses: Record<number, number> = {};
  let next = 0;
  const get = (url: string) =>
    new Promise<number>((resolve, reject) => {
      const request = httpGet(url, { agent, headers: { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'en' } }, (response) => {
        response.on('data', () => {});
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  const startedAt = performance.now();
  const client = async () => {
    while (next < options.total) {
      const path = options.paths[next % options.paths.length]!;
      next += 1;
      const status = await get(`${options.baseUrl}${path}`);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, client));
  } finally {
    agent.destroy();
  }
  return { seconds: (performance.now() - startedAt) / 1000, statuses };
}
