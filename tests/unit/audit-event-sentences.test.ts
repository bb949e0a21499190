import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'use-intl/core';
import { AUDIT_ACTIONS } from '@/lib/audit/audit-actions';
import { describeAuditEvent, formatAuditSentence, visibleAuditDetails, type AuditEventFacts } from '@/lib/audit-log/describe-audit-event';
import { MESSAGES } from '@/messages';

const translators = {
  en: createTranslator({ locale: 'en', messages: MESSAGES.en, namespace: 'audit' }),
  de: createTranslator({ locale: 'de', messages: MESSAGES.de, namespace: 'audit' }),
};

function sentence(locale: 'en' | 'de', facts: Partial<AuditEventFacts>): string {
  const t = translators[locale] as unknown as Parameters<typeof formatAuditSentence>[0];
  return formatAuditSentence(t, describeAuditEvent({
    action: 'user.two_factor_reset',
    result: 'success',
    actorLabel: 'admin@123456.sms',
    actorTenantName: null,
    isActorFromAnotherTenant: false,
    details: null,
    ...facts,
  }));
}

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** Every id in `action: '…'`, `auditAction = '…'` (both branches of a `? :`) written in lib/ and app/. */
function recordedActionIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.tsx?$/.test(name)) {
        const source = readFileSync(file, 'utf8');
        for (const match of source.matchAll(/\b(?:action|auditAction)\s*[:=]\s*([^,;}\n]+)/g)) {
          for (const literal of match[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)?)'/g)) ids.add(literal[1]!);
        }
      }
    }
  };
  for (const root of ['lib', 'app']) walk(path.join(process.cwd(), root));
  return ids;
}

describe('audit event sentences', () => {
  it('cover every action id recorded anywhere in lib/ and app/', () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const recorded = [...recordedActionIds()].filter((id) => !listed.has(id) && /\.|^logout$|^authz_denied$/.test(id));
    expect(recorded).toEqual([]);
    expect(listed.has('user.two_factor_reset')).toBe(true);
  });

  it.each(['en', 'de'] as const)('%s has a sentence and a filter name for every action', (locale) => {
    const missing = AUDIT_ACTIONS.filter(
      (action) => typeof lookup(MESSAGES[locale].audit, `events.${action}`) !== 'string' || typeof lookup(MESSAGES[locale].audit, `actions.${action}`) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it.each(['en', 'de'] as const)('%s formats every action with every result without leftovers', (locale) => {
    for (const action of AUDIT_ACTIONS) {
      for (const result of ['success', 'failure', 'denied'] as const) {
        const text = sentence(locale, { action, result, details: { targetUsername: 'new.admin', fromRole: 'helpdesk', toRole: 'admin' } });
        expect(text).not.toMatch(/[{}]|audit\.events/);
      }
    }
  });

  it('says when a reseller acted for a customer, with the target (the issue\'s example)', () => {
    const facts = { actorLabel: 'reseller.admin@100001.sms', actorTenantName: 'Demo Reseller GmbH', isActorFromAnotherTenant: true, details: { actingFor: '123456.sms', targetUsername: 'new.admin' } };
    expect(sentence('en', facts)).toBe('reseller.admin (Demo Reseller GmbH) reset two-factor for new.admin');
    expect(sentence('de', facts)).toBe('reseller.admin (Demo Reseller GmbH) hat die Zwei-Faktor-Authentifizierung von new.admin zurückgesetzt');
  });

  it('names a member of the tenant without a tenant, and a refused attempt as an attempt', () => {
    expect(sentence('en', { details: { targetUsername: 'new.admin' } })).toBe('admin reset two-factor for new.admin');
    expect(sentence('en', { result: 'denied', details: { targetUsername: 'new.admin' } })).toBe('admin tried to reset two-factor for new.admin');
  });

  it('names the customer of license events, by name when recorded, else by tenant domain', () => {
    expect(sentence('en', { action: 'license.created', details: { customer: '123456.sms', customerName: 'Alpha Logistik GmbH' } })).toBe('admin created a license for Alpha Logistik GmbH');
    expect(sentence('de', { action: 'license.revoked', details: { customer: '123456.sms' } })).toBe('admin hat die Lizenz von 123456.sms widerrufen');
  });

  it('translates roles and falls back to "unknown" words when the event names nobody', () => {
    expect(sentence('de', { action: 'user.role_changed', details: { targetUsername: 'helpdesk', fromRole: 'helpdesk', toRole: 'admin' } })).toBe(
      'admin hat die Rolle von helpdesk von Helpdesk in Administrator geändert',
    );
    expect(sentence('en', { actorLabel: null, action: 'user.disabled' })).toBe('Unknown disabled an unknown target');
  });

  it('describes an action id it does not know by its raw id instead of failing', () => {
    expect(describeAuditEvent({ action: 'made.up', result: 'success', actorLabel: 'a@1.sms', actorTenantName: null, isActorFromAnotherTenant: false, details: null }).key).toBe('events.unknown');
    expect(sentence('en', { action: 'made.up' })).toBe('admin: made.up');
  });

  it('never shows secret-looking detail fields when expanded', () => {
    expect(visibleAuditDetails({ reason: 'invalid_code', passwordHash: 'x', totpSecret: 'y', resetToken: 'z', licenseKey: 'k', sessionId: 's', empty: null })).toEqual([['reason', 'invalid_code']]);
  });
});
