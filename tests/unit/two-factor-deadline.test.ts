import { computeTwoFactorDeadline, isBeforeTwoFactorDeadline, resolveTwoFactorEnforcement } from '@/lib/two-factor/two-factor-deadline';

const DAY_MS = 24 * 60 * 60 * 1000;
const created = new Date('2026-03-01T12:00:00Z');

describe('two-factor deadline', () => {
  test('without any setting two-factor is enforced already: no grace, blocked from creation', () => {
    const enforcement = resolveTwoFactorEnforcement({});
    expect(enforcement).toEqual({ enforcedFrom: null, graceDays: 0 });
    const deadline = computeTwoFactorDeadline(enforcement, created);
    expect(deadline).toEqual(created);
    expect(isBeforeTwoFactorDeadline(deadline, new Date(created.getTime() + 1000))).toBe(false);
  });

  test('an enforcement date brings the default grace of 7 days from creation', () => {
    const enforcedFrom = new Date('2026-01-01T00:00:00Z');
    const enforcement = resolveTwoFactorEnforcement({ enforcedFrom });
    expect(enforcement.graceDays).toBe(7);
    expect(computeTwoFactorDeadline(enforcement, created)).toEqual(new Date(created.getTime() + 7 * DAY_MS));
  });

  test('enforced-from in the future wins over a shorter grace', () => {
    const enforcedFrom = new Date('2026-06-01T00:00:00Z');
    const deadline = computeTwoFactorDeadline(resolveTwoFactorEnforcement({ enforcedFrom, graceDays: 7 }), created);
    expect(deadline).toEqual(enforcedFrom);
    expect(isBeforeTwoFactorDeadline(deadline, new Date('2026-05-31T23:59:59Z'))).toBe(true);
  });

  test('enforced-from in the past: an old account is blocked, a new one still has its grace', () => {
    const enforcement = resolveTwoFactorEnforcement({ enforcedFrom: new Date('2026-01-01T00:00:00Z') });
    const now = new Date('2026-03-05T00:00:00Z');
    expect(isBeforeTwoFactorDeadline(computeTwoFactorDeadline(enforcement, new Date('2025-06-01T00:00:00Z')), now)).toBe(false);
    expect(isBeforeTwoFactorDeadline(computeTwoFactorDeadline(enforcement, created), now)).toBe(true);
  });

  test('exactly at the deadline the login is blocked; one millisecond before it is a warning', () => {
    const deadline = computeTwoFactorDeadline({ enforcedFrom: null, graceDays: 3 }, created);
    expect(isBeforeTwoFactorDeadline(deadline, deadline)).toBe(false);
    expect(isBeforeTwoFactorDeadline(deadline, new Date(deadline.getTime() - 1))).toBe(true);
  });

  test('grace days set without a date count from creation', () => {
    const enforcement = resolveTwoFactorEnforcement({ graceDays: 2 });
    expect(computeTwoFactorDeadline(enforcement, created)).toEqual(new Date(created.getTime() + 2 * DAY_MS));
  });
});
