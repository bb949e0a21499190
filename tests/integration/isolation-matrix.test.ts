import { and, asc, count, eq } from 'drizzle-orm';
import { accountTokens, auditEvents, configurationProfiles, emailOutbox, recoveryCodes, sessions, users } from '@/db/schema';
import { TenantAccessDeniedError, type TenantAccess } from '@/lib/access/tenant-access';
import { listAuditEvents } from '@/lib/audit-log/list-audit-events';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { createSession } from '@/lib/auth/sessions';
import { createConfigurationProfile } from '@/lib/configurations/create-configuration-profile';
import { deleteConfigurationProfile } from '@/lib/configurations/delete-configuration-profile';
import { getConfigurationProfile, listConfigurationProfiles } from '@/lib/configurations/list-configuration-profiles';
import { updateConfigurationProfile } from '@/lib/configurations/update-configuration-profile';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUser as inviteUser } from '@/lib/users/create-user';
import { listUsers } from '@/lib/users/list-users';
import { resetUserTwoFactor } from '@/lib/users/reset-user-two-factor';
import { sendUserPasswordReset } from '@/lib/users/send-user-password-reset';
import { setUserDisabled } from '@/lib/users/set-user-disabled';
import { useTestDatabase } from '../support/test-database';
import { CLIENT_ADDRESS as ip, accessAs } from '../support/sessions';
import { addUser, tenantWorld } from '../support/world';

// For every data function and operation of the users, configurations and audit pages: the own
// tenant is allowed; every other caller is refused and the target tenant is left exactly as it was.

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const settings = { passcodeMinLength: 6, screenLockMinutes: 5, cameraAllowed: true, wifiNetworks: [], allowUnknownSources: false };
type Targets = { userId: string; profileId: string };

/** Returns what the operation produced, so the allowed case can assert on data. */
const OPERATIONS: Record<string, (access: TenantAccess, targets: Targets) => Promise<unknown>> = {
  'list users': (access) => listUsers(access),
  'create user': (access) => inviteUser(access, { username: 'intruder', email: 'intruder@example.test', role: 'admin', locale: 'en', clientAddress: ip }),
  'disable user': (access, { userId }) => setUserDisabled(access, { userId, disabled: true, clientAddress: ip }),
  'change role': (access, { userId }) => changeUserRole(access, { userId, role: 'admin', clientAddress: ip }),
  'reset two-factor': (access, { userId }) => resetUserTwoFactor(access, { userId, clientAddress: ip }),
  'send password reset': (access, { userId }) => sendUserPasswordReset(access, { userId, clientAddress: ip }),
  'list profiles': (access) => listConfigurationProfiles(access),
  'open profile': (access, { profileId }) => getConfigurationProfile(access, profileId),
  'create profile': (access) => createConfigurationProfile(access, { profile: { name: 'Intruder', platform: 'android', settings }, clientAddress: ip }),
  'update profile': (access, { profileId }) =>
    updateConfigurationProfile(access, { profileId, profile: { name: 'Changed', platform: 'android', settings }, clientAddress: ip }),
  'delete profile': (access, { profileId }) => deleteConfigurationProfile(access, { profileId, clientAddress: ip }),
  'list audit events': (access) => listAuditEvents(access),
};

/** A target tenant with a helpdesk user (session, recovery code, two-factor), a profile and an audit event. */
async function furnish(tenantId: string): Promise<Targets> {
  const helpdesk = await addUser({ tenantId, role: 'helpdesk' });
  await createSession({ userId: helpdesk.id, tenantId, ipAddress: ip, userAgent: null });
  await db().insert(recoveryCodes).values({ tenantId, userId: helpdesk.id, codeHash: `code-${helpdesk.id}` });
  const [profile] = await db().insert(configurationProfiles).values({ tenantId, name: 'Secret profile', platform: 'android', settings }).returning();
  await db().insert(auditEvents).values({ tenantId, action: 'secret.marker', result: 'success', actorLabel: 'secret@marker' });
  return { userId: helpdesk.id, profileId: profile!.id };
}

/** Everything of a tenant that an operation could change (audit rows aside: refusals add authz_denied). */
async function snapshot(tenantId: string) {
  const count_ = async (table: typeof accountTokens | typeof emailOutbox | typeof recoveryCodes) =>
    (await db().select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]!.n;
  return {
    users: await db().select().from(users).where(eq(users.tenantId, tenantId)).orderBy(asc(users.id)),
    profiles: await db().select().from(configurationProfiles).where(eq(configurationProfiles.tenantId, tenantId)).orderBy(asc(configurationProfiles.id)),
    sessions: await db().select({ id: sessions.id, revokedAt: sessions.revokedAt }).from(sessions).where(eq(sessions.tenantId, tenantId)).orderBy(asc(sessions.id)),
    tokens: await count_(accountTokens),
    outbox: await count_(emailOutbox),
    recoveryCodes: await count_(recoveryCodes),
  };
}

async function deniedEvents() {
  return (await db().select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'authz_denied')))[0]!.n;
}

type World = Awaited<ReturnType<typeof tenantWorld>>;
type Caller = {
  name: string;
  /** The tenant whose data must not change. */
  target: (world: World) => { id: string };
  /** Either refused at the door, or a legitimate access of the caller's own used with the target's ids. */
  attempt: (world: World) => Promise<TenantAccess>;
};

const CALLERS: Caller[] = [
  { name: 'customer admin of another customer of the same reseller, opening the tenant', target: (w) => w.alpha, attempt: (w) => accessAs(w.betaAdmin, w.alpha.tenantDomain) },
  { name: 'customer admin of another customer, in its own tenant with the ids', target: (w) => w.alpha, attempt: (w) => accessAs(w.betaAdmin, w.beta.tenantDomain) },
  { name: "reseller acting on another reseller's customer", target: (w) => w.foreign, attempt: (w) => accessAs(w.resellerAdmin, w.foreign.tenantDomain) },
  { name: "reseller in its own customer with another reseller's customer's ids", target: (w) => w.foreign, attempt: (w) => accessAs(w.resellerAdmin, w.alpha.tenantDomain) },
  { name: 'reseller acting on its own customer whose license expired', target: (w) => w.expired, attempt: (w) => accessAs(w.resellerAdmin, w.expired.tenantDomain) },
  { name: 'reseller in a valid customer with the expired customer ids', target: (w) => w.expired, attempt: (w) => accessAs(w.resellerAdmin, w.beta.tenantDomain) },
];

const MATRIX = CALLERS.flatMap((caller) => Object.keys(OPERATIONS).map((operation) => [caller.name, operation, caller] as const));

describe('isolation matrix', () => {
  test.each(Object.keys(OPERATIONS))('own tenant admin: %s is allowed', async (operation) => {
    const world = await tenantWorld();
    const targets = await furnish(world.alpha.id);
    const access = await accessAs(world.alphaAdmin, world.alpha.tenantDomain);
    await expect(OPERATIONS[operation]!(access, targets)).resolves.not.toBeNull();
  });

  test.each(MATRIX)('%s: %s is refused and nothing changes', async (_caller, operation, caller) => {
    const world = await tenantWorld();
    const target = caller.target(world);
    const targets = await furnish(target.id);
    const before = await snapshot(target.id);
    const deniedBefore = await deniedEvents();

    let access: TenantAccess | null = null;
    try {
      access = await caller.attempt(world);
    } catch (error) {
      expect(error).toBeInstanceOf(TenantAccessDeniedError);
    }
    if (access) {
      expect(access.actingTenant.id).not.toBe(target.id);
      const result = await OPERATIONS[operation]!(access, targets).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (result.ok) {
        // Reads and creates succeed only inside the caller's own tenant, and never show the target's data.
        expect(JSON.stringify(result.value ?? null)).not.toMatch(new RegExp(`${targets.userId}|${targets.profileId}|Secret profile|secret@marker`));
        if (operation === 'open profile') expect(result.value).toBeNull();
      } else {
        expect(result.error).toMatchObject({ code: expect.stringMatching(/^(user_not_found|profile_not_found)$/) });
        expect(await deniedEvents()).toBe(deniedBefore + 1);
      }
    } else {
      expect(await deniedEvents()).toBe(deniedBefore + 1);
    }
    expect(await snapshot(target.id)).toEqual(before);
    const marker = await db().select().from(auditEvents).where(and(eq(auditEvents.tenantId, target.id), eq(auditEvents.action, 'user.created')));
    expect(marker).toHaveLength(0);
  });
});
