import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

export const auditResult = pgEnum('audit_result', ['success', 'failure', 'denied']);

// Who did what, acting for which tenant, from where, with which result, when (UTC).
// `details` never holds passwords, codes, secrets or tokens (lib/audit/record-audit-event.ts).
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorTenantId: uuid('actor_tenant_id').references(() => tenants.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    result: auditResult('result').notNull(),
    ipAddress: text('ip_address'),
    // The browser's User-Agent on sign-in events (at most 512 characters), to tell devices apart.
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index('audit_events_tenant_id_occurred_at_idx').on(t.tenantId, t.occurredAt),
    index('audit_events_actor_user_id_idx').on(t.actorUserId),
  ],
);
