import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

export const emailStatus = pgEnum('email_status', ['pending', 'sending', 'sent', 'failed', 'skipped']);

// Transactional outbox (SECURITY.md, reliability): a row is written in the same transaction
// as the change that causes the email; a worker claims rows with FOR UPDATE SKIP LOCKED and
// sends them with the row id as idempotency key. The payload may contain a link with a
// token, so it is stored encrypted (lib/crypto/secret-box.ts) and scrubbed once handled.
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    locale: text('locale').notNull().default('en'),
    template: text('template').notNull(),
    payloadEncrypted: text('payload_encrypted'),
    status: emailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** A link in the email dies at this time; an unsent email is then skipped. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_tenant_id_idx').on(t.tenantId),
    index('email_outbox_status_next_attempt_idx').on(t.status, t.nextAttemptAt),
  ],
);

// Development only (no RESEND_API_KEY): what would have been sent, for /dev/mailbox.
export const devMailbox = pgTable(
  'dev_mailbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id').notNull().unique(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dev_mailbox_tenant_id_idx').on(t.tenantId)],
);
