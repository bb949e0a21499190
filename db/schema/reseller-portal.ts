import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

// Which reseller portal account (the issuer and subject of its ID tokens) signs in as which
// RSP-linked user (issue 15). Written on the first sign-in, by the tenant-domain and username
// claims; from then on only the subject counts, so a renamed account in the reseller portal can
// never reach another user here. One subject per user and issuer.
export const resellerPortalLinks = pgTable(
  'reseller_portal_links',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'reseller_portal_links_pkey', columns: [t.issuer, t.subject] }),
    uniqueIndex('reseller_portal_links_issuer_user_unique').on(t.issuer, t.userId),
    index('reseller_portal_links_user_id_idx').on(t.userId),
    index('reseller_portal_links_tenant_id_idx').on(t.tenantId),
  ],
);
