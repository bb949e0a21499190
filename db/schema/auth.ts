import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

// Server-side record behind each Auth.js JWT: the token only carries its id and the
// user's session version, so logout and revocation take effect on every instance at once.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_tenant_id_idx').on(t.tenantId)],
);

export const pendingLoginStep = pgEnum('pending_login_step', ['two_factor_code', 'two_factor_setup', 'none']);
// How the first factor was proven: the portal's own password, or the reseller portal's ID token (issue 15).
export const signInMethod = pgEnum('sign_in_method', ['password', 'reseller_portal']);

// Between the password step and the second factor. Never a session: single use,
// short-lived, a bounded number of code attempts (SECURITY.md, two-factor).
export const pendingLogins = pgTable(
  'pending_logins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    nextStep: pendingLoginStep('next_step').notNull(),
    method: signInMethod('method').notNull().default('password'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    ipAddress: text('ip_address'),
    // Enrollment from the login screen: the not-yet-confirmed secret (encrypted).
    twoFactorSetupSecretEncrypted: text('two_factor_setup_secret_encrypted'),
  },
  (t) => [index('pending_logins_user_id_idx').on(t.userId), index('pending_logins_tenant_id_idx').on(t.tenantId)],
);

// Failure counters for login throttling, shared by every app instance. Keys are
// `account:<tenant domain>/<username>` (also for accounts that do not exist, so a
// lockout reveals nothing), `ip:<address>` and `two-factor:<user id>`.
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  lockCount: integer('lock_count').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// `report`: the "This was not me" link of the two-factor-activated email (lib/two-factor/report-two-factor-change.ts).
export const accountTokenPurpose = pgEnum('account_token_purpose', ['password_reset', 'activation', 'report']);

// Password-reset, activation and report links. Only the SHA-256 of the token is stored; single use.
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: accountTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    // Set once the new password is accepted, while the two-factor setup is still to come.
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
    // The new password's hash waits here until two-factor is confirmed, so an abandoned
    // link never leaves a password active without the second factor it was chosen for.
    pendingPasswordHash: text('pending_password_hash'),
    // A reset of an account with two-factor: the holder proved a current code or a recovery code.
    secondFactorVerifiedAt: timestamp('second_factor_verified_at', { withTimezone: true }),
    secondFactorMethod: text('second_factor_method'),
    twoFactorSetupSecretEncrypted: text('two_factor_setup_secret_encrypted'),
    requestedFromIp: text('requested_from_ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_tenant_id_idx').on(t.tenantId), index('account_tokens_user_id_idx').on(t.userId)],
);

// Ten single-use recovery codes per enrollment, stored as SHA-256 (they carry 80 random bits).
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recovery_codes_tenant_id_idx').on(t.tenantId),
    uniqueIndex('recovery_codes_user_code_unique').on(t.userId, t.codeHash),
  ],
);
