import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

export const licenseType = pgEnum('license_type', ['mdm', 'mobile_security']);
export type LicenseType = (typeof licenseType.enumValues)[number];

// A license belongs to the customer (tenant_id) and to the reseller that sold it.
export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'restrict' }),
    resellerTenantId: uuid('reseller_tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'restrict' }),
    type: licenseType('type').notNull(),
    deviceCount: integer('device_count').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    licenseKey: text('license_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('licenses_tenant_id_idx').on(t.tenantId),
    index('licenses_reseller_tenant_id_idx').on(t.resellerTenantId),
    // Keyset pages of expiring licenses, soonest first (lib/customers/list-expiring-licenses.ts).
    index('licenses_reseller_valid_until_id_idx').on(t.resellerTenantId, t.validUntil, t.id),
    check('licenses_device_count_positive', sql`${t.deviceCount} > 0`),
    check('licenses_validity_ordered', sql`${t.validUntil} > ${t.validFrom}`),
  ],
);

// Each reminder (30, 7 and 1 days before a license ends) is sent once: the unique index
// makes a second job run, or a second instance, a no-op.
export const licenseReminders = pgTable(
  'license_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    /** The reseller tenant that is reminded. */
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    daysBefore: integer('days_before').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('license_reminders_tenant_id_idx').on(t.tenantId),
    uniqueIndex('license_reminders_license_days_unique').on(t.licenseId, t.daysBefore),
  ],
);
