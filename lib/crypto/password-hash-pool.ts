import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// bcryptjs blocks the event loop even through its async API, so hashing runs in worker threads.
// The worker is an eval'd string rather than a file: Turbopack, jest (SWC) and tsx each move or
// rewrite source files, but none of them touch a string. bcryptjs is resolved from the project's
// node_modules via process.cwd() (where next, jest and tsx are started from).
const WORKER_NICE = 10;
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createRequire } = require('node:module');
const path = require('node:path');
const bcrypt = createRequire(path.join(process.cwd(), 'package.json'))('bcryptjs');
// Hashing yields the CPU to request handling: with as many workers as cores, a burst of logins
// would otherwise take the cores from the main thread and stall every other request (SECURITY.md,
// reliability). Linux sets nice per thread (this thread's id from /proc/thread-self); elsewhere the
// priority stays as it is. Hashes still get every cycle the event loop does not need.
try {
  const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(threadId, ${WORKER_NICE});
} catch {}
parentPort.on('message', (job) => {
  try {
    const result = job.kind === 'hash' ? bcrypt.hashSync(job.input, job.cost) : bcrypt.compareSync(job.input, job.hash);
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
});
`;

type HashJob = { kind: 'hash'; input: string; cost: number };
type CompareJob = { kind: 'compare'; input: string; hash: string };
type WorkerReply = { ok: true; result: string | boolean } | { ok: false; message: string };
type QueuedJob = {
  job: HashJob | CompareJob;
  resolve: (result: string | boolean) => void;
  reject: (error: Error) => void;
  /** performance.now() when queued: the wait until a worker takes it is a metric. */
  queuedAt: number;
};
type PoolWorker = { worker: Worker; current: QueuedJob | null };

const poolSize = Math.max(1, availableParallelism());
/**
 * Jobs that may wait for a worker (issue 11): a burst beyond this is refused at once instead of
 * queueing without limit (each waiting job holds its request, its socket and its memory). 16 per
 * worker is about 1.6 s of waiting at cost 10 and 6.4 s at cost 12, longer than anyone waits for a
 * login anyway. `PASSWORD_HASH_QUEUE_LIMIT` overrides it (read once, at the first job).
 */
const DEFAULT_QUEUE_LIMIT_PER_WORKER = 16;
const workers: PoolWorker[] = [];
const queue: QueuedJob[] = [];
let queueLimit: number | undefined;
let waitObserver: ((seconds: number) => void) | undefined;
let refusalObserver: (() => void) | undefined;

/** The pool refused a job because too many already wait: the caller answers "try again later". */
export class PasswordHashPoolBusyError extends Error {
  constructor() {
    super('Password hash pool is busy');
    this.name = 'PasswordHashPoolBusyError';
  }
}

function readQueueLimit(): number {
  if (queueLimit === undefined) {
    const configured = Number.parseInt(process.env.PASSWORD_HASH_QUEUE_LIMIT ?? '', 10);
    queueLimit = Number.isInteger(configured) && configured >= 0 ? configured : DEFAULT_QUEUE_LIMIT_PER_WORKER * poolSize;
  }
  return queueLimit;
}

/** For the metrics (lib/operations/metrics.ts): jobs waiting, workers busy, and each job's wait. */
export function readPasswordHashPoolState(): { queued: number; busy: number; size: number; queueLimit: number } {
  return { queued: queue.length, busy: workers.filter((entry) => entry.current !== null).length, size: poolSize, queueLimit: readQueueLimit() };
}

export function observePasswordHashWaits(observer: (seconds: number) => void): void {
  waitObserver = observer;
}

/** Called once per job refused because the queue was full (a metric). */
export function observePasswordHashRefusals(observer: () => void): void {
  refusalObserver = observer;
}

/** True when a new job would be refused right now: callers can answer before doing other work. */
export function isPasswordHashPoolFull(): boolean {
  return queue.length >= readQueueLimit() && !workers.some((entry) => entry.current === null) && workers.length >= poolSize;
}

function startWorker(): PoolWorker {
  const entry: PoolWorker = { worker: new Worker(WORKER_SOURCE, { eval: true }), current: null };
  entry.worker.unref();
  entry.worker.on('message', (reply: WorkerReply) => {
    const finished = entry.current;
    entry.current = null;
    entry.worker.unref();
    if (finished) {
      if (reply.ok) finished.resolve(reply.result);
      else finished.reject(new Error(`Password hashing failed: ${reply.message}`));
    }
    dispatchJobs();
  });
  const retire = (error: Error) => {
    const index = workers.indexOf(entry);
    if (index === -1) return;
    workers.splice(index, 1);
    const failed = entry.current;
    entry.current = null;
    failed?.reject(error);
    // A replacement starts on demand for whatever is still queued.
    dispatchJobs();
  };
  entry.worker.on('error', (error) => retire(error));
  entry.worker.on('exit', (code) => retire(new Error(`Password hash worker exited with code ${code}`)));
  workers.push(entry);
  return entry;
}

function dispatchJobs(): void {
  while (queue.length > 0) {
    const idle = workers.find((entry) => entry.current === null) ?? (workers.length < poolSize ? startWorker() : null);
    if (!idle) return;
    const next = queue.shift() as QueuedJob;
    waitObserver?.((performance.now() - next.queuedAt) / 1000);
    idle.current = next;
    // Referenced only while busy: an idle pool never keeps the process (a script, a test run) alive.
    idle.worker.ref();
    idle.worker.postMessage(next.job);
  }
}

function runJob(job: HashJob | CompareJob): Promise<string | boolean> {
  if (isPasswordHashPoolFull()) {
    refusalObserver?.();
    return Promise.reject(new PasswordHashPoolBusyError());
  }
  return new Promise((resolve, reject) => {
    queue.push({ job, resolve, reject, queuedAt: performance.now() });
    dispatchJobs();
  });
}

/** bcrypt hash of an already pre-hashed input (see password-hash.ts), computed off the main thread. */
export async function hashInWorker(input: string, cost: number): Promise<string> {
  return (await runJob({ kind: 'hash', input, cost })) as string;
}

export async function compareInWorker(input: string, hash: string): Promise<boolean> {
  return (await runJob({ kind: 'compare', input, hash })) === true;
}

/** Stops every worker and fails queued jobs; the pool starts again lazily on the next job. */
export async function closePasswordHashPool(): Promise<void> {
  const closing = workers.splice(0, workers.length);
  const pending = queue.splice(0, queue.length);
  const error = new Error('Password hash pool closed');
  for (const queued of pending) queued.reject(error);
  for (const entry of closing) {
    entry.current?.reject(error);
    entry.current = null;
  }
  await Promise.all(closing.map((entry) => entry.worker.terminate()));
}
