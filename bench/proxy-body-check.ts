// npx tsx bench/proxy-body-check.ts — main-thread cost of proxy.ts's malformed-request check
// (lib/http/reject-malformed-request.ts) for the login form's POST, per request. Prints figures only.
import { performance } from 'node:perf_hooks';
import { NextRequest } from 'next/server';
import { rejectMalformedRequest } from '../lib/http/reject-malformed-request';
import { describeRuntime } from './support/runtime';

const ORIGIN = 'http://127.0.0.1:3000';
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 3000);

function loginPost(): NextRequest {
  const form = new FormData();
  const reference = JSON.stringify({ id: 'a'.repeat(42), bound: '$@1' });
  for (const [name, value] of Object.entries({ '$ACTION_REF_1': '', '$ACTION_1:0': reference, '$ACTION_1:1': '[{"status":"idle"}]', '$ACTION_KEY': 'k0', tenantDomain: '990002.sms', username: 'bench.user.17', password: 'Bench-Password-1', returnTo: '' })) form.append(name, value);
  return new NextRequest(`${ORIGIN}/login`, { method: 'POST', headers: { host: '127.0.0.1:3000', origin: ORIGIN }, body: form });
}

async function timePerRequest(check: (request: NextRequest) => Promise<unknown>): Promise<number> {
  const requests = Array.from({ length: ITERATIONS }, loginPost);
  const started = performance.now();
  for (const request of requests) await check(request);
  return (performance.now() - started) / ITERATIONS;
}

console.log(describeRuntime());
for (let round = 1; round <= 3; round += 1) {
  const full = await timePerRequest(rejectMalformedRequest);
  const none = await timePerRequest(async () => null);
  console.log(`round ${round}: malformed-request check ${(full * 1000).toFixed(0)} µs per login POST (request construction excluded: ${(none * 1000).toFixed(1)} µs for none)`);
}
