import 'server-only';
import { auditEvents } from '@/db/schema';
import { getDb, type DbExecutor } from '@/db/client';
import { logger } from '@/lib/logging/logger';
import { countAuditEvent } from '@/lib/operations/metrics';
import type { AuditAction } from './audit-actions';

// The action ids are listed in ./audit-actions.ts (each with a sentence on the audit page).
export type { AuditAction } from './audit-actions';

export type AuditEventInput = {
  action: AuditAction;
  result: 'success' | 'failure' | 'denied';
  /** The tenant the event belongs to (the acting-for tenant), when known. */
  tenantId?: string | null;
  actorUserId?: string | null;
  actorTenantId?: string | null;
  /** e.g. `reseller.admin@100001.sms`; a label, never a secret. */
  actorLabel?: string | null;
  ipAddress?: string | null;
  /** The browser's User-Agent, on sign-in events (truncated to 512 characters). */
  userAgent?: string | null;
  /** Reasons and identifiers only: never passwords, codes, secrets or tokens. */
  details?: Record<string, string | number | boolean | null>;
};

const USER_AGENT_MAX_LENGTH = 512;

// PostgreSQL text and jsonb cannot hold U+0000. Labels and details often carry what a client
// sent (a requested tenant domain, a username): an attacker's NUL byte must not make the audit
// write, and with it the request, fail.
function withoutNul<T extends string | number | boolean | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value) as T;
}

/** Writes one audit row (inside the caller's transaction when given) and one log event. */
export async function recordAuditEvent(input: AuditEventInput, executor: DbExecutor = getDb()): Promise<void> {
  const event: AuditEventInput = {
    ...input,
    actorLabel: withoutNul(input.actorLabel),
    userAgent: withoutNul(input.userAgent?.slice(0, USER_AGENT_MAX_LENGTH)),
    details: input.details && Object.fromEntries(Object.entries(input.details).map(([key, value]) => [key, withoutNul(value)])),
  };
  await executor.insert(auditEvents).values({
    action: event.action,
    result: event.result,
    tenantId: event.tenantId ?? null,
    actorUserId: event.actorUserId ?? null,
    actorTenantId: event.actorTenantId ?? null,
    actorLabel: event.actorLabel ?? null,
    ipAddress: event.ipAddress ?? null,
    userAgent: event.userAgent ?? null,
    details: event.details ?? null,
  });
  // Logins, failures and lockouts for the metrics are counted here, where every step is recorded.
  countAuditEvent(event);
  logger.info(
    {
      event: event.action,
      result: event.result,
      tenantId: event.tenantId,
      actorUserId: event.actorUserId,
      actor: event.actorLabel,
      ip: event.ipAddress,
      userAgent: event.userAgent,
      details: event.details,
    },
    'audit',
  );
}
