import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenants } from './tenants';
import { users } from './users';

export const devicePlatform = pgEnum('device_platform', ['android', 'ios']);
export type DevicePlatform = (typeof devicePlatform.enumValues)[number];

// A customer's configuration profiles. `settings` is validated by the zod schema in
// lib/configurations/ before every write.
export const configurationProfiles = pgTable(
  'configuration_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    platform: devicePlatform('platform').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('configuration_profiles_tenant_id_idx').on(t.tenantId),
    // Keyset pages of the configurations list by name (lib/configurations/list-configuration-profiles.ts).
    index('configuration_profiles_tenant_name_id_idx').on(t.tenantId, sql`lower(${t.name})`, t.id),
  ],
);
