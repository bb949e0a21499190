import { chooseRetryDelayMs, computeRetryDelayMs, parseRetryAfterMs } from '@/lib/email/outbox-backoff';

const options = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

describe('email retry backoff', () => {
  it('doubles per attempt between half and all of base·2^(attempt-1)', () => {
    expect([1, 2, 3, 4].map((attempt) => computeRetryDelayMs(attempt, options, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((attempt) => computeRetryDelayMs(attempt, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('spreads retries with jitter', () => {
    expect(computeRetryDelayMs(3, options, () => 0.5)).toBe(3_000);
    const delays = new Set(Array.from({ length: 20 }, () => computeRetryDelayMs(5, options)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(8_000);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(computeRetryDelayMs(50, options, () => 1)).toBe(60_000);
    expect(computeRetryDelayMs(10_000, options, () => 1)).toBe(60_000);
  });

  it('reads Retry-After in seconds and as an HTTP date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('30', now)).toBe(30_000);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it('waits at least as long as the provider asks, but not beyond the cap', () => {
    expect(chooseRetryDelayMs({ attempt: 1, retryAfterMs: 20_000, options, random: () => 0 })).toBe(20_000);
    expect(chooseRetryDelayMs({ attempt: 1, retryAfterMs: 10, options, random: () => 0 })).toBe(500);
    expect(chooseRetryDelayMs({ attempt: 1, retryAfterMs: 7 * 24 * 3_600_000, options, random: () => 0 })).toBe(60_000);
  });
});
