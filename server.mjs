// Production server: `npm start` (node server.mjs [-p PORT] [-H HOST]).
//
// Why not plain `next start`: Next.js keeps an X-Forwarded-For header that the client sent
// itself and only fills it in when it is missing, so a directly exposed instance cannot tell a
// forged client address from a real one (per-address throttling and audit depend on it).
// Here the TCP peer decides: only a peer listed in TRUSTED_PROXIES may pass an
// X-Forwarded-For chain on (the peer is appended to it; TRUSTED_PROXIES takes addresses and CIDR
// ranges); anyone else's header is replaced by
// the peer address. lib/http/client-address.ts then reads the chain from the right. The same
// peer decides whether X-Forwarded-Host and X-Forwarded-Proto are believed, and whether its
// X-Request-Id is kept (otherwise every request gets a new id: lib/http/request-context.mjs).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import next from 'next';
import { withNoScriptErrorFallback } from './lib/http/no-script-error-fallback.mjs';
import { runWithRequestId } from './lib/http/request-context.mjs';
import { compileTrustedProxies, parseTrustedProxies } from './lib/trusted-proxies.mjs';

function readOption(flag, fallback) {
  const index = process.argv.indexOf(flag);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const port = Number(readOption('-p', process.env.PORT ?? '3000'));
const hostname = readOption('-H', process.env.HOSTNAME ?? '0.0.0.0');
// Addresses and CIDR ranges (proxy-addr); a wrong entry stops the start rather than trusting nobody or everybody.
const isTrustedPeer = compileTrustedProxies(parseTrustedProxies(process.env.TRUSTED_PROXIES));

const normalize = (address) => (address?.startsWith('::ffff:') ? address.slice(7) : (address ?? 'unknown'));

// Benchmark only (bench/login-load.ts), off unless BENCH_EVENT_LOOP_REPORT names a file: on
// SIGUSR2 the server writes its event-loop delay histogram since the previous signal there (ms),
// with the garbage collector's pauses of the main thread in that time, and starts anew. Both must
// be measured inside the server; /api/health stays as it is.
const eventLoopReport = process.env.BENCH_EVENT_LOOP_REPORT;
if (eventLoopReport) {
  const resolutionMs = 10;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  const gcKinds = { [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'markCompact' };
  let gcPauses = {};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = gcKinds[entry.detail?.kind] ?? 'other';
      const pauses = (gcPauses[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
      pauses.count += 1;
      pauses.totalMs += entry.duration;
      pauses.maxMs = Math.max(pauses.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  // Linux's schedstat of this (the main) thread: nanoseconds on a CPU and waiting for one. A
  // delay the loop spent runnable but without a CPU is the machine's, not the server's code.
  const readSchedstat = () => {
    try {
      const [onCpu, waiting] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
      return { onCpu, waiting };
    } catch {
      return null;
    }
  };
  let schedstat = readSchedstat();
  let windowStart = performance.now();
  let sequence = 0;
  process.on('SIGUSR2', () => {
    const ms = (nanoseconds) => nanoseconds / 1e6;
    const now = readSchedstat();
    const mainThread = now && schedstat ? { onCpuMs: ms(now.onCpu - schedstat.onCpu), waitingForCpuMs: ms(now.waiting - schedstat.waiting) } : null;
    schedstat = now;
    const windowMs = performance.now() - windowStart;
    windowStart = performance.now();
    const report = { sequence: ++sequence, windowMs, count: histogram.count, resolutionMs, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), gcPauses, mainThread };
    gcPauses = {};
    // Written whole, then renamed: the reader never sees half a file.
    writeFileSync(`${eventLoopReport}.tmp`, JSON.stringify(report));
    renameSync(`${eventLoopReport}.tmp`, eventLoopReport);
    histogram.reset();
  });
}

// The build's resolved configuration, handed to Next.js the way its own standalone server.js does
// (`.next/standalone/server.js` sets this variable from the same file). Without it Next.js compiles
// next.config.ts at every start: that loads the SWC compiler (a 96 MiB native module, about 40 MiB
// resident) and next-intl's build plugin into the running server, for nothing, since headers,
// redirects and every other setting already sit in the build's manifests (issue 11, bench/README.md).
// The variable is Next's private interface: the production-install check
// (scripts/check-production-install.ts) fails if a Next.js upgrade loads the compiler again. `.env`
// files are still read (by Next's server itself). No build: Next.js reports that itself.
try {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync('.next/required-server-files.json', 'utf8')).config);
} catch {
  // no build yet, or an unreadable one: Next.js loads next.config.ts and says what is missing
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Headers only a trusted proxy may set. From anyone else they are dropped, so Next.js falls back to
// what it saw itself (Host, and http/https of this connection): a client's own X-Forwarded-Host
// would otherwise be the host that the cross-site check (lib/http/cross-site-request.ts) and
// Next's server-action check compare Origin with.
const PROXY_ONLY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

createServer((request, response) => {
  const peer = normalize(request.socket.remoteAddress);
  const isTrustedProxy = isTrustedPeer(peer);
  const forwarded = request.headers['x-forwarded-for'];
  request.headers['x-forwarded-for'] = isTrustedProxy && typeof forwarded === 'string' && forwarded.length > 0 ? `${forwarded}, ${peer}` : peer;
  if (!isTrustedProxy) for (const name of PROXY_ONLY_HEADERS) delete request.headers[name];
  // A failed server render would be a blank page without JavaScript (lib/http/no-script-error-fallback.mjs).
  withNoScriptErrorFallback(request, response);
  runWithRequestId(request, response, { trustForwardedId: isTrustedProxy }, () => handle(request, response));
}).listen(port, hostname, () => {
  console.log(`Mobile Security Portal listening on http://${hostname}:${port}`);
});
