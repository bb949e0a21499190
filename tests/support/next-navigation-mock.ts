// A stand-in for next/navigation in unit tests of server actions. Like Next's own, redirect()
// and notFound() throw, so nothing after them runs; `redirectedTo` tells where an action went.
// Use: jest.mock('next/navigation', () => jest.requireActual('../support/next-navigation-mock'));

export class RedirectSignal extends Error {}
export class NotFoundSignal extends Error {}

export const RedirectType = { push: 'push', replace: 'replace' } as const;

export function redirect(url: string): never {
  throw new RedirectSignal(url);
}

export function notFound(): never {
  throw new NotFoundSignal('NEXT_HTTP_ERROR_FALLBACK;404');
}

/** Where the action redirected to; fails when it returned instead (every row action must redirect). */
export async function redirectedTo(pending: Promise<unknown>): Promise<URL> {
  const outcome = await pending.then(
    () => new Error('the action did not redirect'),
    (thrown: unknown) => thrown,
  );
  if (!(outcome instanceof RedirectSignal)) throw outcome;
  return new URL(outcome.message, 'http://portal.invalid');
}
