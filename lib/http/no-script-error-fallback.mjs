// When a page's server render fails, Next.js answers with an empty error document
// (`<html id="__next_error__"><head></head><body></body></html>` plus its scripts) that only the
// browser's JavaScript fills with app/error.tsx or app/global-error.tsx. With JavaScript off that is
// a blank page (issue 9: every page must say something without script). React does not run error
// boundaries on the server, so nothing under app/ can fill it; server.mjs does, for these answers
// only: a <noscript> message with the request's reference, in the person's language.
// Plain JavaScript, loaded by server.mjs before Next.js.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

const ERROR_DOCUMENT_MARKER = 'id="__next_error__"';
const BODY_OPEN = /<body\b[^>]*>/i;

const TEXTS = {
  en: {
    title: 'Something went wrong',
    body: 'The page could not be shown. Please try again in a moment. If the problem persists, contact support and quote the reference',
    retry: 'Try again',
    home: 'Go to the start page',
  },
  de: {
    title: 'Etwas ist schiefgelaufen',
    body: 'Die Seite konnte nicht angezeigt werden. Bitte versuchen Sie es gleich noch einmal. Wenn das Problem bleibt, wenden Sie sich an den Support und nennen Sie die Referenz',
    retry: 'Erneut versuchen',
    home: 'Zur Startseite',
  },
};

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** German when the language cookie (NEXT_LOCALE, lib/i18n/locales.ts) or, without it, the browser asks for it. */
export function chooseFallbackLocale(headers) {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=(en|de)\b/.exec(headers.cookie ?? '')?.[1];
  if (cookie) return cookie;
  return /^\s*de\b/i.test(headers['accept-language'] ?? '') ? 'de' : 'en';
}

/**
 * The error document with a message for browsers without JavaScript, or null when `html` is not
 * Next's empty error document (then nothing is changed). `retryPath` is the page's own path.
 */
export function addNoScriptErrorMessage(html, { requestId, locale, retryPath, stylesheets = [] }) {
  if (!html.includes(ERROR_DOCUMENT_MARKER)) return null;
  const body = BODY_OPEN.exec(html);
  if (!body) return null;
  const text = TEXTS[locale] ?? TEXTS.en;
  const message =
    `<noscript><main id="main" class="page page--centered"><div class="card"><h1>${escapeHtml(text.title)}</h1>` +
    `<p>${escapeHtml(text.body)} <code>${escapeHtml(requestId)}</code>.</p>` +
    `<p><a class="button button--primary" href="${escapeHtml(retryPath)}">${escapeHtml(text.retry)}</a> ` +
    `<a href="/">${escapeHtml(text.home)}</a></p></div></main></noscript>`;
  // The document has no lang of its own; the message's language is set on the html element. Its head
  // only preloads the stylesheet (for the script); without script it is linked here.
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  const withLang = html
    .replace(/<html\b(?![^>]*\blang=)/i, `<html lang="${locale}"`)
    .replace(/<\/head>/i, links ? `<noscript>${links}</noscript></head>` : '</head>');
  const at = BODY_OPEN.exec(withLang);
  return `${withLang.slice(0, at.index + at[0].length)}${message}${withLang.slice(at.index + at[0].length)}`;
}

/** Our own stylesheets named in the answer's Link header (`</_next/static/….css>; rel=preload; as="style"`). */
export function stylesheetsOf(linkHeader) {
  return [...String(linkHeader ?? '').matchAll(/<(\/_next\/static\/[^>\s"]+\.css)>[^,]*\bas="?style"?/g)].map((match) => match[1]);
}

/** The page's own path for "Try again": a GET's path, never one a browser would read as another host. */
export function retryPathOf(request) {
  const url = request.url ?? '/';
  return request.method === 'GET' && /^\/(?![/\\])/.test(url) && !/[\\\u0000-\u001f\u007f]/.test(url) ? url : '/';
}

function decode(body, encoding) {
  if (!encoding || encoding === 'identity') return body;
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return null;
}

const isErrorDocumentAnswer = (response) => response.statusCode >= 500 && /text\/html/i.test(String(response.getHeader('content-type') ?? ''));

function toBuffer(chunk, encoding) {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return Buffer.alloc(0);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
}

/**
 * Wraps `response` for one request: a 5xx HTML answer (small: Next's error document) is collected
 * whole and, when it is the empty error document, sent with the no-script message, uncompressed.
 * Next compresses inside its handler, in a layer above this one that sends the status line on its
 * first write; so for such an answer the status line is held back too (writeHead), until the body
 * is known. Every other answer passes through as it is written. The wrapper never unwraps itself:
 * the compression layer keeps references to it, so it decides once and forwards from then on.
 */
export function withNoScriptErrorFallback(request, response) {
  const originalWriteHead = response.writeHead;
  const originalWrite = response.write;
  const originalEnd = response.end;
  /** @type {'undecided' | 'pass' | Buffer[]} */
  let mode = 'undecided';
  /** The held-back status line: [statusCode] or [statusCode, statusMessage]. */
  let heldHead = null;
  const decide = () => {
    if (mode === 'undecided') mode = isErrorDocumentAnswer(response) ? [] : 'pass';
    return mode;
  };
  response.writeHead = function writeHead(statusCode, ...rest) {
    if (mode === 'undecided') {
      response.statusCode = statusCode;
      const headers = rest.find((argument) => argument !== null && typeof argument === 'object');
      // Raw header arrays are passed on as they are; a header object is applied first so the decision sees it.
      if (Array.isArray(headers)) mode = 'pass';
      else if (headers) for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (mode !== 'pass' && decide() !== 'pass') {
        heldHead = typeof rest[0] === 'string' ? [statusCode, rest[0]] : [statusCode];
        return this;
      }
      return Array.isArray(headers) ? originalWriteHead.call(this, statusCode, ...rest) : originalWriteHead.call(this, ...(typeof rest[0] === 'string' ? [statusCode, rest[0]] : [statusCode]));
    }
    if (mode === 'pass') return originalWriteHead.call(this, statusCode, ...rest);
    return this; // Already held back; the compression layer asks again on each write.
  };
  response.write = function write(chunk, encoding, callback) {
    const collected = decide();
    if (collected === 'pass') return originalWrite.call(this, chunk, encoding, callback);
    collected.push(toBuffer(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  response.end = function end(chunk, encoding, callback) {
    const collected = decide();
    if (collected === 'pass') return originalEnd.call(this, chunk, encoding, callback);
    mode = 'pass';
    collected.push(toBuffer(chunk, encoding));
    const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function');
    const original = Buffer.concat(collected);
    let replaced = null;
    try {
      const decoded = decode(original, String(response.getHeader('content-encoding') ?? '').trim().toLowerCase());
      replaced =
        decoded &&
        addNoScriptErrorMessage(decoded.toString('utf8'), {
          requestId: String(request.headers['x-request-id'] ?? ''),
          locale: chooseFallbackLocale(request.headers),
          retryPath: retryPathOf(request),
          stylesheets: stylesheetsOf(response.getHeader('link')),
        });
    } catch {
      replaced = null; // An undecodable body is sent as it came.
    }
    // Headers already on the wire announce the original encoding: then the body stays as it came.
    if (response.headersSent) replaced = null;
    const body = replaced === null ? original : Buffer.from(replaced, 'utf8');
    if (!response.headersSent) {
      if (replaced !== null) {
        response.removeHeader('content-encoding');
        response.removeHeader('transfer-encoding');
      }
      response.setHeader('content-length', body.length);
      if (heldHead) originalWriteHead.call(this, ...heldHead);
    }
    return originalEnd.call(this, body, done);
  };
}
