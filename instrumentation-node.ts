import type { Instrumentation } from 'next';
import { assertServerConfiguration } from '@/lib/env';
import { isFirstReportInRequest } from '@/lib/http/request-context.mjs';
import { describeError, logger } from '@/lib/logging/logger';

// The Node.js side of instrumentation.ts.

export async function registerNode(): Promise<void> {
  try {
    assertServerConfiguration();
  } catch (error) {
    // Next.js would keep serving (every page a 500); a misconfigured production server must
    // not start at all, so the orchestrator sees the failure at once.
    console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.NODE_ENV === 'production') process.exit(1);
    throw error;
  }
  // The email outbox worker runs inside every server instance (safe: rows are claimed with
  // FOR UPDATE SKIP LOCKED). Tests drive processOutboxBatch themselves instead.
  if (process.env.NODE_ENV === 'test') return;
  const { startOutboxWorker } = await import('@/lib/email/start-outbox-worker');
  startOutboxWorker();
  // Daily license-expiry reminders; each reminder is recorded once, so instances may overlap.
  const { startLicenseReminderJob } = await import('@/lib/license-reminders/start-license-reminder-job');
  startLicenseReminderJob();
  // Expired throttles, pending logins, sessions, links, handled emails and old audit events.
  const { startDataCleanupJob } = await import('@/lib/operations/start-data-cleanup-job');
  startDataCleanupJob();
}

type RequestErrorArguments = Parameters<Instrumentation.onRequestError>;

/**
 * The line support finds from what the error page shows: the request id (also on every other line
 * of the request) and Next's digest. The message is cut at its first line, never with values.
 */
export function logRequestError(error: RequestErrorArguments[0], request: RequestErrorArguments[1], context: RequestErrorArguments[2]): void {
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : undefined;
  // A failed page is reported for its server-component render and again for its HTML render.
  if (digest !== undefined && !isFirstReportInRequest(digest)) return;
  const forwardedId = request.headers['x-request-id'];
  logger.error(
    {
      event: 'request.error',
      requestId: typeof forwardedId === 'string' ? forwardedId : undefined,
      digest,
      method: request.method,
      // The path without its query: reset and activation links carry their token in the path, so only the route.
      route: context.routePath,
      routeType: context.routeType,
      err: describeError(error),
    },
    'request failed',
  );
}
