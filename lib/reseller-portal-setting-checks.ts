// Checks of the RESELLER_PORTAL_* settings, run by lib/env.ts while it validates the environment.
// At the root of lib/ like env.ts: the check needs nothing of the sign-in, and the sign-in (through
// lib/audit and lib/operations) reads lib/env.ts, which would otherwise close a loop.

const REQUIRED_TOGETHER = ['RESELLER_PORTAL_ISSUER', 'RESELLER_PORTAL_CLIENT_ID', 'RESELLER_PORTAL_CLIENT_SECRET'] as const;

// A stand-in on this machine may use plain http (`npm run dev`, the browser suite); nothing else may.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

type ResellerPortalEnv = { NODE_ENV: string } & Partial<Record<(typeof REQUIRED_TOGETHER)[number], string>>;

export type SettingIssue = { path: string[]; message: string };

/**
 * Half a configuration is refused rather than silently ignored: the issuer, client id and secret
 * are set together or not at all. In production the issuer must be https (OpenID Connect Core 1.0
 * §3.1.2.1), except on the loopback interface; it carries no query or fragment (Discovery §3).
 */
export function findResellerPortalSettingIssues(env: ResellerPortalEnv): SettingIssue[] {
  const present = REQUIRED_TOGETHER.filter((key) => env[key]);
  if (present.length === 0) return [];
  if (present.length < REQUIRED_TOGETHER.length) {
    return REQUIRED_TOGETHER.filter((key) => !env[key]).map((key) => ({
      path: [key],
      message: `must be set together with ${present.join(', ')} (or none of them)`,
    }));
  }
  const issuer = new URL(env.RESELLER_PORTAL_ISSUER!);
  if (issuer.search || issuer.hash) return [{ path: ['RESELLER_PORTAL_ISSUER'], message: 'must not have a query or fragment' }];
  if (env.NODE_ENV === 'production' && issuer.protocol !== 'https:' && !LOOPBACK_HOSTS.has(issuer.hostname)) {
    return [{ path: ['RESELLER_PORTAL_ISSUER'], message: 'must be an https address in production' }];
  }
  return [];
}
