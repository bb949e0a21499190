import { checkHealth } from '@/lib/operations/check-health';

export const dynamic = 'force-dynamic';

// No session needed: the answer holds counts only. 503 takes an instance out of rotation.
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
