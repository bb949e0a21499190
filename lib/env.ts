import { z } from 'zod';
import { databaseSettingsShape, MissingConfigurationError } from '@/db/database-settings';
import { findResellerPortalSettingIssues } from '@/lib/reseller-portal-setting-checks';
import { compileTrustedProxies } from '@/lib/trusted-proxies.mjs';

// Every setting of the portal, validated once. `.env.example` documents each key.
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const base64Key32 = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** A comma-separated list; empty or unset is an empty list. */
function commaList(item: z.ZodType<string, string>) {
  return z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS, DATABASE_QUERY_TIMEOUT_MS.
    ...databaseSettingsShape,
    AUTH_SECRET: z.string().min(32).optional(),
    // Key rotation (README, "Key rotation"): further secrets and keys that are still read but no
    // longer written, comma-separated (the previous ones while rotating, or the next ones ahead).
    AUTH_DECRYPTION_SECRETS: commaList(z.string().min(32)),
    TWO_FACTOR_ENCRYPTION_KEY: base64Key32.optional(),
    TWO_FACTOR_DECRYPTION_KEYS: commaList(base64Key32),
    // Unset: the development address on this instance's PORT (`PORT=3100 npm run dev` gets links to 3100).
    PUBLIC_BASE_URL: z.preprocess((value) => value || `http://localhost:${process.env.PORT || 3000}`, z.string().url()),
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    // Addresses and CIDR ranges of reverse proxies (lib/trusted-proxies.mjs, proxy-addr).
    TRUSTED_PROXIES: commaList(z.string()).refine((entries) => {
      try {
        compileTrustedProxies(entries);
        return true;
      } catch {
        return false;
      }
    }, 'must be IP addresses or CIDR ranges (10.0.0.0/8), comma-separated'),
    // Bearer token for GET /api/metrics (Prometheus); unset, the path answers 404.
    METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_FORCE: booleanFlag,
    // Two-factor enforcement for administrators (lib/two-factor/two-factor-deadline.ts has the rule).
    TWO_FACTOR_ENFORCED_FROM: z.preprocess(
      emptyToUndefined,
      z
        .union([z.iso.date(), z.iso.datetime({ offset: true })])
        .optional()
        .transform((value) => (value ? new Date(value) : undefined)),
    ),
    TWO_FACTOR_GRACE_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(365).optional()),
    // Where RSP-linked accounts manage their two-factor authentication.
    RESELLER_PORTAL_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
    // Sign-in through the reseller portal (OpenID Connect, issue 15): all three or none
    // (lib/reseller-portal-setting-checks.ts has the rules).
    RESELLER_PORTAL_ISSUER: z.preprocess(emptyToUndefined, z.string().url().optional()),
    RESELLER_PORTAL_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().min(1).max(255).optional()),
    RESELLER_PORTAL_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
    // May RSP-linked accounts still use the portal's own password while that sign-in is configured?
    RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD: booleanFlag,
    // `acr` values of the reseller portal that count as a second factor, besides `amr` otp or mfa.
    RESELLER_PORTAL_TWO_FACTOR_ACR: commaList(z.string().max(255)),
    // Email (lib/email): Resend when a key is set; without one, development writes to /dev/mailbox
    // and production leaves emails pending (logged) rather than dropping them.
    // An empty value (`RESEND_API_KEY=` in a .env file) means "not set".
    RESEND_API_KEY: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    RESEND_BASE_URL: z
      .union([z.literal(''), z.string().url()])
      .optional()
      .transform((value) => value || undefined),
    EMAIL_FROM: z.string().min(3).default('Mobile Security Portal <no-reply@portal.invalid>'),
    EMAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
    // Data lifecycle (lib/operations/data-retention.ts): how long finished rows are kept, in days,
    // and how often each instance sweeps. AUDIT_RETENTION_DAYS=0 keeps the audit log for ever.
    CLEANUP_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
    RETENTION_LOGIN_THROTTLE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    RETENTION_PENDING_LOGIN_DAYS: z.coerce.number().int().min(1).max(3650).default(1),
    RETENTION_SESSION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    RETENTION_ACCOUNT_LINK_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    AUDIT_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(0)
      .max(36_500)
      .default(400)
      .refine((days) => days === 0 || days >= 30, 'must be 0 (keep for ever) or at least 30'),
  })
  .superRefine((env, ctx) => {
    // Cost 4 keeps the test suite fast; anything that serves people gets at least 10 (SECURITY.md).
    if (env.NODE_ENV !== 'test' && env.BCRYPT_COST < 10) {
      ctx.addIssue({ code: 'custom', path: ['BCRYPT_COST'], message: 'must be at least 10 outside tests' });
    }
    for (const issue of findResellerPortalSettingIssues(env)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type Env = z.infer<typeof envSchema>;

let cachedEnv: Env | undefined;

export function getEnv(): Env {
  if (cachedEnv) return cachedEnv;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  cachedEnv = parsed.data;
  return cachedEnv;
}

/** Test helper: forget the parsed environment after changing process.env. */
export function resetEnvCache(): void {
  cachedEnv = undefined;
}

// One error type for every missing setting; the database's lives with its settings in db/.
export { MissingConfigurationError };

/** Secrets the server cannot run without; missing ones fail closed (no protected content). */
export function requireSetting<K extends 'AUTH_SECRET' | 'TWO_FACTOR_ENCRYPTION_KEY' | 'DATABASE_URL'>(
  key: K,
): NonNullable<Env[K]> {
  const value = getEnv()[key];
  if (!value) throw new MissingConfigurationError(key);
  return value as NonNullable<Env[K]>;
}

/** Called once at server start (instrumentation.ts): production refuses to start without its secrets. */
export function assertServerConfiguration(): void {
  const env = getEnv();
  requireSetting('DATABASE_URL');
  if (env.NODE_ENV === 'production') {
    requireSetting('AUTH_SECRET');
    requireSetting('TWO_FACTOR_ENCRYPTION_KEY');
  }
}
