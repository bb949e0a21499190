import { auditEvents } from '@/db/schema';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { listAuditEvents, listAuditFilterOptions } from '@/lib/audit-log/list-audit-events';
import { changeUserRole } from '@/lib/users/change-user-role';
import { useTestDatabase } from '../support/test-database';
import { CLIENT_ADDRESS, accessAs } from '../support/sessions';
import { addUser, tenantWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

describe('audit log', () => {
  test('shows the tenant events newest first, reseller actions as "acting for", never other tenants', async () => {
    const { alpha, beta, alphaAdmin, resellerAdmin } = await tenantWorld();
    const helpdesk = await addUser({ tenantId: alpha.id, role: 'helpdesk' });
    await db().insert(auditEvents).values({ tenantId: beta.id, action: 'user.created', result: 'success', actorLabel: 'admin@beta' });
    const asReseller = await accessAs(resellerAdmin, alpha.tenantDomain);
    await changeUserRole(asReseller, { userId: helpdesk.id, role: 'auditor', clientAddress: CLIENT_ADDRESS });

    const page = await listAuditEvents(await accessAs(alphaAdmin, alpha.tenantDomain));
    expect(page.events[0]).toMatchObject({
      action: 'user.role_changed',
      result: 'success',
      actorLabel: `reseller.admin@${asReseller.session.tenant.tenantDomain}`,
      actingFor: alpha.tenantDomain,
      ipAddress: CLIENT_ADDRESS,
    });
    expect(page.events.some((event) => event.actorLabel === 'admin@beta')).toBe(false);
  });

  test('filters by actor and action and pages with a keyset cursor without gaps or repeats', async () => {
    const { alpha, alphaAdmin } = await tenantWorld();
    const sameInstant = new Date('2026-01-01T00:00:00.123456Z');
    await db().insert(auditEvents).values(
      Array.from({ length: 7 }, (_, index) => ({
        tenantId: alpha.id,
        occurredAt: sameInstant,
        action: index % 2 === 0 ? 'user.created' : 'configuration.created',
        result: 'success' as const,
        actorLabel: index < 4 ? 'one@x' : 'two@x',
      })),
    );
    const access = await accessAs(alphaAdmin, alpha.tenantDomain);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(access, { limit: 3, cursor });
      seen.push(...page.events.map((event) => event.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(7);
    expect((await listAuditEvents(access, { actor: 'one@x' })).events).toHaveLength(4);
    expect((await listAuditEvents(access, { actor: 'one@x', action: 'user.created' })).events).toHaveLength(2);
    expect(await listAuditFilterOptions(access)).toMatchObject({ actors: expect.arrayContaining(['one@x', 'two@x']) });
  });

  test('a helpdesk user cannot read the audit log; an auditor can', async () => {
    const { alpha } = await tenantWorld();
    const helpdesk = await accessAs(await addUser({ tenantId: alpha.id, role: 'helpdesk' }), alpha.tenantDomain);
    await expect(listAuditEvents(helpdesk)).rejects.toBeInstanceOf(PermissionDeniedError);
    const auditor = await accessAs(await addUser({ tenantId: alpha.id, role: 'auditor' }), alpha.tenantDomain);
    await expect(listAuditEvents(auditor)).resolves.toHaveProperty('events');
  });
});
