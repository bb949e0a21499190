// A request id for every request, on every log line written while it is handled (lib/logging/
// logger.ts reads it) and in the X-Request-Id response header; the error page shows it. Plain
// JavaScript: server.mjs (production) and scripts/dev-request-context.mjs (`npm run dev`) load it
// before Next.js, and the bundled app finds the same store through a global symbol.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const STORE_KEY = Symbol.for('mobile-security-portal.request-context');
const storage = (globalThis[STORE_KEY] ??= new AsyncLocalStorage());
// What a proxy's id may look like (nginx's $request_id, a UUID, a trace id): nothing else reaches a log line.
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Runs `handle` with the request's id in context. A trusted proxy's X-Request-Id is kept, so the
 * proxy's log and ours share it; anyone else's is replaced by a new id.
 */
export function runWithRequestId(request, response, options, handle) {
  const forwarded = request.headers['x-request-id'];
  const requestId = options.trustForwardedId && typeof forwarded === 'string' && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
  request.headers['x-request-id'] = requestId;
  response.setHeader('X-Request-Id', requestId);
  return storage.run({ requestId }, handle);
}

/**
 * True the first time `key` (an error's digest) is reported within the current request. Next.js
 * reports one failed page twice (the server-component render and the HTML render, same digest);
 * support wants one line. Outside a request every report is the first.
 */
export function isFirstReportInRequest(key) {
  const store = storage.getStore();
  if (!store) return true;
  store.reported ??= new Set();
  if (store.reported.has(key)) return false;
  store.reported.add(key);
  return true;
}
