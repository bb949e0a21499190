import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy } from '@/lib/http/content-security-policy';
import { rejectMalformedRequest, type RequestRefusal } from '@/lib/http/reject-malformed-request';
import { resellerPortalFormActionSource } from '@/lib/reseller-portal-settings';

// A convenience, not a boundary (SECURITY.md, web): it sets the per-request CSP nonce and
// security headers, and sends visitors without a session cookie to the login. Whether a
// session is valid and which tenant it may see is decided by the access layer on each request.

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const PROTECTED_PREFIXES = ['/tenant', '/customer-selection'];
const TOKEN_PAGE_PREFIXES = ['/reset-password', '/activate', '/report'];
const TOKEN_PAGE_REFERRER_POLICY = 'same-origin';
const REQUEST_PATH_HEADER = 'x-request-path';

const REFUSAL_TEXT: Record<RequestRefusal['status'], string> = { 400: 'Bad request', 403: 'Forbidden', 413: 'Request too large' };

/** A plain-text 4xx for a request refused before any page, action or route handler runs. */
function refusalResponse({ status, reason }: RequestRefusal): NextResponse {
  return new NextResponse(`${REFUSAL_TEXT[status]}: ${reason}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** Path and query as the person sees them, without the router's own `_rsc` parameter. */
function pathAndQuery(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete('_rsc');
  const query = search.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refusal = await rejectMalformedRequest(request);
  if (refusal) return refusalResponse(refusal);
  const { pathname } = request.nextUrl;
  const requestPath = pathAndQuery(request.nextUrl);
  const hasSessionCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSessionCookie && PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) {
    // The deep link survives the login (issue 9); the login page keeps only a same-origin path.
    const login = new URL('/login', request.url);
    if (request.method === 'GET') login.searchParams.set('returnTo', requestPath);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const resellerPortalOrigin = resellerPortalFormActionSource();
  const csp = buildContentSecurityPolicy(nonce, process.env.NODE_ENV === 'development', resellerPortalOrigin ? [resellerPortalOrigin] : []);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // For requireSession's way back after a login (app/_server/request-context.ts).
  requestHeaders.set(REQUEST_PATH_HEADER, requestPath);
  requestHeaders.set('content-security-policy', csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Cache-Control', 'no-store');
  if (TOKEN_PAGE_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
    // The token in the address never leaves for another site. Not `no-referrer`: with it the
    // browser sends `Origin: null` with the page's own form post, which the cross-site check
    // (and Next's) must refuse; `same-origin` only sends the address back to us, where the token
    // already arrived in the request line (README, "Cross-site requests").
    response.headers.set('Referrer-Policy', TOKEN_PAGE_REFERRER_POLICY);
  }
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/health|_next/|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
