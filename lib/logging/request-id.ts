import type { AsyncLocalStorage } from 'node:async_hooks';

// The store of lib/http/request-context.mjs, which server.mjs (or the development preload) sets
// up before Next.js loads; found through its global symbol because the app is bundled separately.
const STORE_KEY = Symbol.for('mobile-security-portal.request-context');

/** The id of the request being handled, or undefined outside a request (jobs, scripts, the browser). */
export function currentRequestId(): string | undefined {
  const storage = (globalThis as Record<symbol, AsyncLocalStorage<{ requestId: string }> | undefined>)[STORE_KEY];
  return storage?.getStore()?.requestId;
}
