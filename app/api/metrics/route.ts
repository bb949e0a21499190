import { createHash, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { getMetrics } from '@/lib/operations/metrics';

export const dynamic = 'force-dynamic';

const NOT_FOUND_HEADERS = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };

/** Compares digests, so neither the token's content nor its length shows in the timing. */
function holdsToken(authorization: string | null, token: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`));
}

// For Prometheus, not for people: no session, but METRICS_TOKEN as a bearer token (README,
// "Metrics"). Without the token configured, or without the right one, the path does not exist.
// The figures are counts of this instance and the shared outbox, never tenant data.
export async function GET(request: Request): Promise<Response> {
  const token = getEnv().METRICS_TOKEN;
  if (!token || !holdsToken(request.headers.get('authorization'), token)) {
    return new Response('Not found', { status: 404, headers: NOT_FOUND_HEADERS });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
