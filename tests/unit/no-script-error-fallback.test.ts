import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { addNoScriptErrorMessage, chooseFallbackLocale, stylesheetsOf, withNoScriptErrorFallback } from '@/lib/http/no-script-error-fallback.mjs';

// Next's empty error document as the production server sends it when a server render fails.
const ERROR_DOCUMENT = '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/></head><body><script nonce="abc">self.__next_f=[]</script></body></html>';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A real HTTP server whose handler runs below the wrapper, as Next's does in server.mjs. */
async function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    request.headers['x-request-id'] = 'req-1234';
    withNoScriptErrorFallback(request, response);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('no-script message in a failed page (server.mjs)', () => {
  it('adds a message with the reference, in the person\'s language, to the empty error document', () => {
    const html = addNoScriptErrorMessage(ERROR_DOCUMENT, { requestId: 'req-1234', locale: 'de', retryPath: '/tenant/123456.sms' })!;
    expect(html).toContain('<html lang="de" id="__next_error__">');
    expect(html).toMatch(/<body><noscript><main id="main".*Etwas ist schiefgelaufen.*<code>req-1234<\/code>.*href="\/tenant\/123456.sms".*<\/noscript><script nonce="abc">/);
  });

  it('links our own stylesheet from the Link header for browsers without script, and nothing from elsewhere', () => {
    const header = '</_next/static/chunks/1c82137uqloq_.css>; rel=preload; as="style"; nonce="x", <https://evil.example/x.css>; rel=preload; as="style"';
    expect(stylesheetsOf(header)).toEqual(['/_next/static/chunks/1c82137uqloq_.css']);
    const html = addNoScriptErrorMessage(ERROR_DOCUMENT, { requestId: 'r', locale: 'en', retryPath: '/', stylesheets: stylesheetsOf(header) })!;
    expect(html).toContain('<noscript><link rel="stylesheet" href="/_next/static/chunks/1c82137uqloq_.css"></noscript></head>');
  });

  it('leaves every other document alone', () => {
    expect(addNoScriptErrorMessage('<html><body>Tenant</body></html>', { requestId: 'x', locale: 'en', retryPath: '/' })).toBeNull();
  });

  it('escapes what it writes into the page', () => {
    const html = addNoScriptErrorMessage(ERROR_DOCUMENT, { requestId: '<script>', locale: 'en', retryPath: '/"><script>' })!;
    expect(html).not.toContain('<script>"');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('href="/&#34;&#62;&#60;script&#62;"');
  });

  it('takes the language from the language cookie first, then from the browser', () => {
    expect(chooseFallbackLocale({ cookie: 'a=1; NEXT_LOCALE=de', 'accept-language': 'en-US' })).toBe('de');
    expect(chooseFallbackLocale({ 'accept-language': 'de-DE,de;q=0.9' })).toBe('de');
    expect(chooseFallbackLocale({ 'accept-language': 'fr-FR' })).toBe('en');
  });

  it('fills a gzip-compressed 500 error document and sends it readable, with the right length', async () => {
    const app = await serve((_request, response) => {
      response.statusCode = 500;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('content-encoding', 'gzip');
      const body = gzipSync(ERROR_DOCUMENT);
      response.write(body.subarray(0, 10));
      response.end(body.subarray(10));
    });
    try {
      const answer = await fetch(`${app.url}/tenant/123456.sms/audit?x=1`, { headers: { 'accept-language': 'en' } });
      const text = await answer.text();
      expect(answer.status).toBe(500);
      expect(answer.headers.get('content-encoding')).toBeNull();
      expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(text).toContain('Something went wrong');
      expect(text).toContain('<code>req-1234</code>');
      expect(text).toContain('href="/tenant/123456.sms/audit?x=1"');
    } finally {
      await app.close();
    }
  });

  it('passes normal pages and non-HTML errors through untouched, streamed', async () => {
    const app = await serve((request, response) => {
      if (request.url === '/json') {
        response.statusCode = 503;
        response.setHeader('content-type', 'application/json');
        response.end('{"status":"unavailable"}');
        return;
      }
      response.setHeader('content-type', 'text/html');
      response.write('<html><body>');
      response.end('Tenant</body></html>');
    });
    try {
      expect(await (await fetch(`${app.url}/`)).text()).toBe('<html><body>Tenant</body></html>');
      const json = await fetch(`${app.url}/json`);
      expect(json.status).toBe(503);
      expect(await json.text()).toBe('{"status":"unavailable"}');
    } finally {
      await app.close();
    }
  });

  // Next's own compression middleware (next/dist/compiled/compression), applied inside the handler
  // as Next's router server does: it sends the status line on its first write and keeps references
  // to the writers below it.
  const compress = (jest.requireActual('next/dist/compiled/compression') as () => (request: IncomingMessage, response: ServerResponse, next: () => void) => void)();

  it('under Next\'s compression: fills the failed page, and normal pages still arrive compressed', async () => {
    const app = await serve((request, response) => {
      compress(request, response, () => undefined);
      response.setHeader('content-type', 'text/html; charset=utf-8');
      if (request.url === '/failed') {
        response.statusCode = 500;
        response.write(ERROR_DOCUMENT.slice(0, 40));
        response.end(ERROR_DOCUMENT.slice(40));
        return;
      }
      response.write(`<html><body>${'Tenant '.repeat(500)}`);
      response.end('</body></html>');
    });
    try {
      const failed = await fetch(`${app.url}/failed`, { headers: { 'accept-encoding': 'gzip, br' }, signal: AbortSignal.timeout(5000) });
      expect(failed.status).toBe(500);
      expect(failed.headers.get('content-encoding')).toBeNull();
      const text = await failed.text();
      expect(Number(failed.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(text).toContain('<code>req-1234</code>');

      const normal = await fetch(`${app.url}/`, { headers: { 'accept-encoding': 'gzip' }, signal: AbortSignal.timeout(5000) });
      expect(normal.headers.get('content-encoding')).toBe('gzip');
      expect(await normal.text()).toBe(`<html><body>${'Tenant '.repeat(500)}</body></html>`);
    } finally {
      await app.close();
    }
  });
});
