import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const tenantKind = pgEnum('tenant_kind', ['reseller', 'customer']);
export type TenantKind = (typeof tenantKind.enumValues)[number];

export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: tenantKind('kind').notNull(),
    // Six digits and ".sms", always stored lower-case (see lib/tenants/tenant-domain.ts).
    tenantDomain: text('tenant_domain').notNull().unique(),
    name: text('name').notNull(),
    resellerId: uuid('reseller_id').references((): AnyPgColumn => tenants.id, { onDelete: 'restrict' }),
    contactEmail: text('contact_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tenants_reseller_id_idx').on(t.resellerId),
    index('tenants_reseller_name_id_idx').on(t.resellerId, t.name, t.id),
    // The switcher's search: one reseller's customers whose "name domain" contains the term.
    // The expression must stay identical to lib/tenants/tenant-search.ts (btree_gin, 0004).
    index('tenants_reseller_search_trgm_idx').using('gin', t.resellerId, sql`(lower(${t.name} || ' ' || ${t.tenantDomain})) gin_trgm_ops`),
    check('tenants_tenant_domain_format', sql`${t.tenantDomain} ~ '^[0-9]{6}\\.sms$'`),
    // A customer always has exactly one reseller; a reseller never has one.
    check(
      'tenants_reseller_only_for_customers',
      sql`(${t.kind} = 'customer' AND ${t.resellerId} IS NOT NULL) OR (${t.kind} = 'reseller' AND ${t.resellerId} IS NULL)`,
    ),
  ],
);
