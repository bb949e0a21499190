// Cross-site request check for every state-changing request (ASVS 3.5.1, 3.5.3; SECURITY.md, web).
// Browsers tell where a request comes from in two headers the page cannot set: Sec-Fetch-Site
// (Fetch Metadata; every current browser) and Origin (sent with every POST since 2020). Next.js
// checks Origin for server actions only, and only against the Host header; this check covers
// every route and also refuses what Next would let through.
//
// Decisions (README, "Cross-site requests"):
// - Sec-Fetch-Site other than `same-origin` or `none` is refused: `cross-site`, and `same-site`
//   too, because a sibling sub-domain is not the portal.
// - Origin must name the host the request was sent to. `Origin: null` is refused: our pages send
//   a real origin (the link pages use `Referrer-Policy: same-origin`, not `no-referrer`, for
//   exactly this reason), and `null` is what sandboxed frames and data: documents send.
// - A request with neither header does not come from a browser that could carry someone's
//   cookies unwillingly; it is refused all the same, so every state change must show where it
//   comes from (scripts and tools send `Origin` with the portal's address).

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ACCEPTED_FETCH_SITES = new Set(['same-origin', 'none']);

export type CrossSiteVerdict = { ok: true } | { ok: false; reason: 'cross_site' | 'foreign_origin' | 'unknown_source' };

type RequestLike = { method: string; headers: Pick<Headers, 'get'> };

function hostOf(origin: string): string | null {
  if (origin === 'null') return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Whether a request may change state. `host` is the host the browser addressed: the Host header,
 * or X-Forwarded-Host where server.mjs let a trusted proxy's header through.
 */
export function judgeRequestSource(request: RequestLike, host: string | null): CrossSiteVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const fetchSite = request.headers.get('sec-fetch-site')?.trim().toLowerCase() ?? null;
  const origin = request.headers.get('origin');
  if (fetchSite !== null && !ACCEPTED_FETCH_SITES.has(fetchSite)) return { ok: false, reason: 'cross_site' };
  if (origin !== null) {
    const originHost = hostOf(origin.trim());
    return originHost !== null && host !== null && originHost === host.trim().toLowerCase() ? { ok: true } : { ok: false, reason: 'foreign_origin' };
  }
  // Sec-Fetch-Site without Origin (a browser that sends one but not the other) is enough; neither is not.
  return fetchSite !== null ? { ok: true } : { ok: false, reason: 'unknown_source' };
}
