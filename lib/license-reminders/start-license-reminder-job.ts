import { logger } from '@/lib/logging/logger';
import { startPeriodicJob } from '@/lib/operations/periodic-job';
import { sendLicenseReminders } from './send-license-reminders';

// A "daily" job that runs every hour: each reminder is claimed once in the database, so extra
// runs (or one per app instance) cost a query and never send twice, and a missed day is caught up.
const DEFAULT_INTERVAL_MS = 60 * 60 * 1000;

/** Starts the reminder job (call once per process, e.g. from instrumentation.ts); returns a stop function. */
export function startLicenseReminderJob(options: { intervalMs?: number } = {}): () => void {
  return startPeriodicJob({
    name: 'license_reminders',
    intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
    firstRunDelayMs: 0,
    run: async () => {
      const result = await sendLicenseReminders();
      if (result.remindersSent > 0) logger.info({ event: 'license_reminders.run', ...result }, 'license reminders');
    },
  });
}
