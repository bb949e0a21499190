// What the start/memory benchmark measures of a running production server (started by
// tests/support/server-process.ts: server.mjs run by node itself, so its pid is the serving process).
import { readFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { performance } from 'node:perf_hooks';

function readStatusKiB(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  if (!match) throw new Error(`/proc/${pid}/status has no ${key}`);
  return Number(match[1]);
}

/** Resident memory of the serving process now, in MiB (VmRSS), and its peak so far (VmHWM). */
export function readServerMemory(pid: number): { rssMiB: number; peakMiB: number } {
  return { rssMiB: readStatusKiB(pid, 'VmRSS') / 1024, peakMiB: readStatusKiB(pid, 'VmHWM') / 1024 };
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
