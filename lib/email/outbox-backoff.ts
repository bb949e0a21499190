// Retry timing of the email outbox, pure so tests can check the arithmetic without waiting.

export type BackoffOptions = { baseDelayMs: number; maxDelayMs: number };

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 5_000, maxDelayMs: 60 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half of base·2^(attempt-1) fixed, half random, capped.
 * The jitter spreads retries of many emails (and instances) after a provider outage; the fixed half
 * keeps a minimum pause. `random` is injectable for tests.
 */
export function computeRetryDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(exponent, 30));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/** The provider's Retry-After wins when it asks for a longer pause than our own backoff. */
export function chooseRetryDelayMs(input: {
  attempt: number;
  retryAfterMs?: number;
  options?: BackoffOptions;
  random?: () => number;
}): number {
  const options = input.options ?? DEFAULT_BACKOFF;
  const backoff = computeRetryDelayMs(input.attempt, options, input.random);
  if (input.retryAfterMs === undefined) return backoff;
  // A hostile or broken header must not park an email for days.
  return Math.max(backoff, Math.min(input.retryAfterMs, options.maxDelayMs));
}
