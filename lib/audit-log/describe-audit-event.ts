import { isAuditAction, type AuditAction } from '@/lib/audit/audit-actions';

type DetailValue = string | number | boolean | null;

/** What the audit page and the CSV export know of one event (no secrets are ever recorded). */
export type AuditEventFacts = {
  action: string;
  result: 'success' | 'failure' | 'denied';
  /** `username@home-tenant-domain`. */
  actorLabel: string | null;
  /** The actor's home tenant, when it is not the tenant the event belongs to (a reseller acting for a customer). */
  actorTenantName: string | null;
  isActorFromAnotherTenant: boolean;
  details: Record<string, DetailValue> | null;
};

/**
 * A message key under `audit.` and its ICU arguments. `actor` and `target` are null when the
 * event does not name them; formatAuditSentence fills in the translated "unknown" word.
 */
export type AuditEventDescription = {
  key: `events.${AuditAction}` | 'events.unknown';
  values: {
    actor: string | null;
    target: string | null;
    result: AuditEventFacts['result'];
    action: string;
    fromRole: string;
    toRole: string;
  };
};

// Where each kind of target is recorded; the first present key wins. Older events may lack
// the newer keys (customerName), so the tenant domain is the fallback.
const TARGET_KEYS = ['targetUsername', 'username', 'customerName', 'customer', 'profileName', 'requestedTenantDomain', 'tenantDomain', 'objectType'] as const;

function text(value: DetailValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

/** "reseller.admin (Demo Reseller GmbH)" for a reseller acting in a customer's tenant, else "admin". */
export function describeActor(facts: Pick<AuditEventFacts, 'actorLabel' | 'actorTenantName' | 'isActorFromAnotherTenant'>): string | null {
  if (!facts.actorLabel) return null;
  const at = facts.actorLabel.lastIndexOf('@');
  const username = at > 0 ? facts.actorLabel.slice(0, at) : facts.actorLabel;
  if (!facts.isActorFromAnotherTenant) return username;
  // The home tenant's name when it still exists, else its domain from the label.
  return `${username} (${facts.actorTenantName ?? facts.actorLabel.slice(at + 1)})`;
}

export function describeAuditEvent(facts: AuditEventFacts): AuditEventDescription {
  const details = facts.details ?? {};
  const target = TARGET_KEYS.map((key) => text(details[key])).find((value) => value !== null) ?? null;
  return {
    key: isAuditAction(facts.action) ? `events.${facts.action}` : 'events.unknown',
    values: {
      actor: describeActor(facts),
      target,
      result: facts.result,
      action: facts.action,
      fromRole: text(details.fromRole) ?? 'other',
      toRole: text(details.toRole) ?? 'other',
    },
  };
}

/** The translator of the `audit` namespace, as next-intl's getTranslations('audit') returns it. */
export type AuditTranslator = (key: string, values?: Record<string, string>) => string;

/** The sentence in the translator's language. */
export function formatAuditSentence(t: AuditTranslator, description: AuditEventDescription): string {
  const { actor, target, fromRole, toRole, ...rest } = description.values;
  const role = (value: string) => t(`roles.${KNOWN_ROLES.has(value) ? value : 'other'}`);
  return t(description.key, { ...rest, actor: actor ?? t('unknownActor'), target: target ?? t('unknownTarget'), fromRole: role(fromRole), toRole: role(toRole) });
}

const KNOWN_ROLES = new Set(['admin', 'helpdesk', 'auditor']);

// Keys that never belong in the expanded details: defence in depth, recording already keeps
// secrets out. A session id is no credential (the signed JWT is), but it names a live session.
const HIDDEN_DETAIL_KEY = /password|secret|token|code$|hash|key$|^sessionId$/i;

/** The details fields shown when an event is expanded, besides result, address, user agent and action id. */
export function visibleAuditDetails(details: Record<string, DetailValue> | null): Array<[string, string]> {
  return Object.entries(details ?? {})
    .filter(([key, value]) => !HIDDEN_DETAIL_KEY.test(key) && value !== null && value !== '')
    .map(([key, value]) => [key, String(value)]);
}
