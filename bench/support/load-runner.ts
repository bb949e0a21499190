import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type TaskOutcome = { ok: true } | { ok: false; reason: string };

export type LoadResult = { completed: number; failed: number; seconds: number; perSecond: number; failures: Map<string, number> };

/**
 * A closed loop: `concurrency` clients each start the next task as soon as the last one ends,
 * until `durationMs` have passed. Every completion counts and the rate is taken up to the last
 * one: the clients' queue keeps the server saturated while it drains, so the tail is not idle
 * time (only the very last jobs run below full parallelism), and nothing spills into the next phase.
 */
export async function runClosedLoop(options: {
  concurrency: number;
  durationMs: number;
  task: (client: number) => Promise<TaskOutcome>;
}): Promise<LoadResult> {
  const start = performance.now();
  const stopStartingAt = start + options.durationMs;
  let completed = 0;
  let failed = 0;
  let lastCompletion = start;
  const failures = new Map<string, number>();
  const client = async (index: number) => {
    while (performance.now() < stopStartingAt) {
      let outcome: TaskOutcome;
      try {
        outcome = await options.task(index);
      } catch (error) {
        outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
      lastCompletion = performance.now();
      if (outcome.ok) completed += 1;
      else {
        failed += 1;
        failures.set(outcome.reason, (failures.get(outcome.reason) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => client(index)));
  const seconds = (lastCompletion - start) / 1000;
  return { completed, failed, seconds, perSecond: completed / seconds, failures };
}

/** Adds up rounds of the same measurement (rates weighted by time). */
export function combineResults(results: LoadResult[]): LoadResult {
  const failures = new Map<string, number>();
  for (const result of results) for (const [reason, count] of result.failures) failures.set(reason, (failures.get(reason) ?? 0) + count);
  const completed = results.reduce((sum, result) => sum + result.completed, 0);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return { completed, failed: results.reduce((sum, result) => sum + result.failed, 0), seconds, perSecond: completed / seconds, failures };
}

/** Requests one at a time, one every `intervalMs` (or right after a slower one), until stop(). */
export function startProbe(request: () => Promise<boolean>, intervalMs: number): { stop: () => Promise<{ latencies: number[]; errors: number }> } {
  const latencies: number[] = [];
  let errors = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const begin = performance.now();
      const ok = await request().catch(() => false);
      const took = performance.now() - begin;
      if (ok) latencies.push(took);
      else errors += 1;
      if (took < intervalMs) await new Promise((resolve) => setTimeout(resolve, intervalMs - took));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { latencies, errors };
    },
  };
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Main-thread pauses of one kind of garbage collection (PerformanceObserver 'gc' entries). */
export type GcPauses = { count: number; totalMs: number; maxMs: number };
export type EventLoopReport = {
  sequence: number;
  /** Milliseconds since the previous report. */
  windowMs: number;
  count: number;
  resolutionMs: number;
  p50: number;
  p99: number;
  max: number;
  gcPauses: Partial<Record<'scavenge' | 'markCompact' | 'other', GcPauses>>;
  /** The main thread's time on a CPU and runnable but waiting for one (Linux schedstat), or null. */
  mainThread: { onCpuMs: number; waitingForCpuMs: number } | null;
};

/**
 * Reads the server's event-loop delay histogram (server.mjs, BENCH_EVENT_LOOP_REPORT): SIGUSR2
 * makes it write the histogram since the previous signal and start a new one.
 */
export async function takeEventLoopReport(pid: number, file: string): Promise<EventLoopReport> {
  const read = (): EventLoopReport | null => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as EventLoopReport;
    } catch {
      return null;
    }
  };
  const before = read()?.sequence ?? 0;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const report = read();
    if (report && report.sequence > before) return report;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no event-loop report in ${file}: is BENCH_EVENT_LOOP_REPORT wired in server.mjs?`);
}
