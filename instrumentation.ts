// Runs once when a server instance starts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertServerConfiguration } = await import('@/lib/env');
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
