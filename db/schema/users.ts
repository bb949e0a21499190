import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

export const userRole = pgEnum('user_role', ['admin', 'helpdesk', 'auditor']);
export type Role = (typeof userRole.enumValues)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    username: text('username').notNull(),
    email: text('email').notNull(),
    locale: text('locale').notNull().default('en'),
    // Versioned format, see lib/auth/password-hash.ts. Null until an invited user sets a password.
    passwordHash: text('password_hash'),
    role: userRole('role').notNull(),
    // Accounts managed in the reseller portal (shown with the RSP label).
    isRspLinked: boolean('is_rsp_linked').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    // AES-256-GCM ciphertext (lib/crypto/secret-box.ts), never the plain secret.
    twoFactorSecretEncrypted: text('two_factor_secret_encrypted'),
    twoFactorEnabledAt: timestamp('two_factor_enabled_at', { withTimezone: true }),
    // Last accepted TOTP time step: a code is accepted only for a later step (RFC 6238 §5.2).
    twoFactorLastStep: bigint('two_factor_last_step', { mode: 'number' }),
    // Set by an administrator's two-factor reset, cleared by the next enrollment: until then the
    // account enrolls at sign-in, before any session, whatever its role (issue 14.4).
    twoFactorResetAt: timestamp('two_factor_reset_at', { withTimezone: true }),
    // Bumped on password change, two-factor change, disable, role change: ends every session.
    sessionVersion: integer('session_version').notNull().default(1),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_tenant_id_idx').on(t.tenantId),
    uniqueIndex('users_tenant_username_unique').on(t.tenantId, sql`lower(${t.username})`),
    // Keyset pages of the users list by creation time and by role (lib/users/list-users.ts).
    index('users_tenant_created_id_idx').on(t.tenantId, t.createdAt, t.id),
    index('users_tenant_role_username_id_idx').on(t.tenantId, t.role, sql`lower(${t.username})`, t.id),
  ],
);
