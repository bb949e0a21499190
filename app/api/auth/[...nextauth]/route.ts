import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { auditResellerPortalCallbackRefusal } from '@/app/login/reseller-portal/callback-refusals';

/**
 * Auth.js builds absolute redirects from the request's URL, in which Next.js writes a loopback host
 * (127.0.0.1) as `localhost`: the browser would change host and leave its cookies behind. A
 * redirect to this site therefore goes out relative; on a public address it means the same.
 */
function keepHost(response: Response, request: NextRequest): Response {
  const location = response.headers.get('location');
  if (!location) return response;
  const target = new URL(location, request.url);
  if (target.origin !== new URL(request.url).origin) return response;
  const headers = new Headers(response.headers);
  headers.set('location', `${target.pathname}${target.search}${target.hash}`);
  return new Response(response.body, { status: response.status, headers });
}

export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  // A refused reseller-portal callback reaches only Auth.js's logger: audited here, with the client.
  await auditResellerPortalCallbackRefusal(request);
  return keepHost(response, request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return keepHost(await handlers.POST(request), request);
}
