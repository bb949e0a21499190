import { describeError, logger } from '@/lib/logging/logger';

/**
 * Runs `run` every `intervalMs` in this process, first after `firstRunDelayMs`; never two runs at
 * once (a slow database must not stack them). A failed run logs `<name>.failed` and the next one
 * tries again. Returns a stop function; the timers alone never keep the process alive.
 */
export function startPeriodicJob(options: { name: string; intervalMs: number; firstRunDelayMs: number; run: () => Promise<void> }): () => void {
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await options.run();
    } catch (error) {
      logger.error({ event: `${options.name}.failed`, err: describeError(error) }, `${options.name} failed`);
    } finally {
      isRunning = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstRunDelayMs);
  const timer = setInterval(() => void tick(), options.intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
