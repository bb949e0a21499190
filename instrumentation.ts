import type { Instrumentation } from 'next';

// Next compiles this file for every runtime; Node-only code (process.exit, pg, worker threads)
// lives in instrumentation-node.ts and is imported only on the Node.js runtime, as Next's
// documentation splits it, so no Edge-runtime build of it sees that code.

/** Runs once when a server instance starts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./instrumentation-node')).registerNode();
}

/** Every error of a page, action or route handler: one log line with the request id and Next's digest. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === 'nodejs') (await import('./instrumentation-node')).logRequestError(error, request, context);
};
