import { judgeRequestSource } from './cross-site-request';
import { isWellFormedActionArguments, isWellFormedFormActionFields } from './server-action-arguments';

// Requests that Next.js itself would answer with a bare 500 (found by the malformed-input drill,
// tests/e2e/malformed-input.e2e.ts): a path that is not valid percent-encoded UTF-8 (a dynamic
// segment cannot be decoded), a form post whose body is not the multipart it claims to be, a
// body over the server-action limit (Next's 413 comes out as 500), and a request from another
// site (cross-site-request.ts; Next's own check covers server actions only and throws), and a
// server-action call whose arguments React's decoder cannot resolve (issue 14.7: a broken
// text/plain body). They get a plain 4xx.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Next's default `serverActions.bodySizeLimit`; no form or route of the portal needs more. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Why a request is refused before it reaches a page, action or route; proxy.ts answers it. */
export type RequestRefusal = { status: 400 | 403 | 413; reason: string };

function refuse(status: RequestRefusal['status'], reason: string): RequestRefusal {
  return { status, reason };
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The body as text, or null when it is not valid UTF-8. */
function utf8Text(body: ArrayBuffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
}

/** The host the browser addressed, as Next's server-action check sees it (server.mjs drops an untrusted X-Forwarded-Host). */
function requestHost(request: Request): string | null {
  return request.headers.get('x-forwarded-host') ?? request.headers.get('host');
}

export async function rejectMalformedRequest(request: Request): Promise<RequestRefusal | null> {
  if (!isDecodable(new URL(request.url).pathname)) return refuse(400, 'the address is not valid.');
  if (SAFE_METHODS.has(request.method)) return null;

  if (!judgeRequestSource(request, requestHost(request)).ok) return refuse(403, 'the request comes from another site.');

  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BODY_BYTES) return refuse(413, 'the request body is too large.');
  const contentType = request.headers.get('content-type') ?? '';
  const isMultipart = contentType.toLowerCase().startsWith('multipart/form-data');
  // A fetch-style server-action call carries the Next-Action header and its arguments as text or
  // in the multipart field `0`; a form posted without JavaScript names its action in `$ACTION_…`
  // fields (server-action-arguments.ts). Only those two reach React's decoder (Next treats every
  // multipart POST as a possible form action); any other body with a declared length (checked
  // above) is left to its route handler unread (issue 11: no copy of every POST body). A body of
  // unknown length (chunked) is still read, so the size limit holds for it too.
  const isActionCall = request.headers.has('next-action');
  if (!isMultipart && !isActionCall && request.headers.has('content-length')) return null;
  // A copy: the page or action behind the proxy reads the body again.
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > MAX_REQUEST_BODY_BYTES) return refuse(413, 'the request body is too large.');
  if (!isMultipart) {
    return isActionCall && !isWellFormedActionArguments(utf8Text(body)) ? refuse(400, 'the form data could not be read.') : null;
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return refuse(400, 'the form data could not be read.');
  }
  const arguments_ = form.get('0');
  const isWellFormed = isActionCall ? isWellFormedActionArguments(typeof arguments_ === 'string' ? arguments_ : null) : isWellFormedFormActionFields(form);
  return isWellFormed ? null : refuse(400, 'the form data could not be read.');
}
