const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_GRACE_DAYS = 7;

export type TwoFactorEnforcement = {
  /** From this moment administrators without two-factor are blocked; null = already enforced. */
  enforcedFrom: Date | null;
  /** Days a new administrator may still sign in without two-factor, counted from account creation. */
  graceDays: number;
};

/**
 * The configured rule (documented in .env.example):
 * - neither TWO_FACTOR_ENFORCED_FROM nor TWO_FACTOR_GRACE_DAYS set: enforced, no grace at all;
 * - TWO_FACTOR_ENFORCED_FROM set: grace defaults to 7 days from creation;
 * - TWO_FACTOR_GRACE_DAYS set: that many days from creation, whatever the date.
 */
export function resolveTwoFactorEnforcement(settings: { enforcedFrom?: Date; graceDays?: number }): TwoFactorEnforcement {
  const enforcedFrom = settings.enforcedFrom ?? null;
  const graceDays = settings.graceDays ?? (enforcedFrom ? DEFAULT_GRACE_DAYS : 0);
  return { enforcedFrom, graceDays };
}

/** deadline = max(enforced-from, created + grace days). */
export function computeTwoFactorDeadline(enforcement: TwoFactorEnforcement, userCreatedAt: Date): Date {
  const graceEnd = userCreatedAt.getTime() + enforcement.graceDays * DAY_MS;
  const enforcedFrom = enforcement.enforcedFrom?.getTime() ?? Number.NEGATIVE_INFINITY;
  return new Date(Math.max(enforcedFrom, graceEnd));
}

/** Before the deadline the login may continue after a warning; at the deadline it is blocked. */
export function isBeforeTwoFactorDeadline(deadline: Date, now: Date = new Date()): boolean {
  return now.getTime() < deadline.getTime();
}
