import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logging/logger';
import { deleteExpiredData } from './data-retention';
import { startPeriodicJob } from './periodic-job';

// First sweep within a minute of the start, at a random moment, so instances started together
// do not sweep in step (they would only share the work: rows are claimed with SKIP LOCKED).
const FIRST_RUN_MAX_DELAY_MS = 60_000;

/** Starts the data cleanup of this instance (instrumentation.ts); returns a stop function. */
export function startDataCleanupJob(options: { intervalMs?: number } = {}): () => void {
  return startPeriodicJob({
    name: 'data_cleanup',
    intervalMs: options.intervalMs ?? getEnv().CLEANUP_INTERVAL_MINUTES * 60_000,
    firstRunDelayMs: Math.floor(Math.random() * FIRST_RUN_MAX_DELAY_MS),
    run: async () => {
      const deleted = await deleteExpiredData();
      if (Object.values(deleted).some((count) => count > 0)) logger.info({ event: 'data_cleanup.run', deleted }, 'expired data deleted');
    },
  });
}
