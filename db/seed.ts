import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { licenses, tenants, users, type Role, type TenantKind, type LicenseType } from './schema';

// The demo data the README lists. Every account shares one password and one TOTP secret
// so a newcomer can sign in; none of this is ever loaded into production unless forced.
export const DEMO_PASSWORD = 'Correct-Horse-Battery-9';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

type DemoUser = { username: string; role: Role; hasTwoFactor: boolean; isRspLinked?: boolean };
type DemoTenant = {
  tenantDomain: string;
  name: string;
  kind: TenantKind;
  resellerDomain?: string;
  /** Whom its customers contact, e.g. when their license has run out (shown at their login). */
  contactEmail?: string;
  license?: { type: LicenseType; deviceCount: number; validFromDays: number; validUntilDays: number };
  users: DemoUser[];
};

export const DEMO_TENANTS: DemoTenant[] = [
  {
    tenantDomain: '100001.sms',
    name: 'Demo Reseller GmbH',
    kind: 'reseller',
    contactEmail: 'support@demo-reseller.example',
    users: [{ username: 'reseller.admin', role: 'admin', hasTwoFactor: true, isRspLinked: true }],
  },
  {
    tenantDomain: '123456.sms',
    name: 'Alpha Logistik GmbH',
    kind: 'customer',
    resellerDomain: '100001.sms',
    license: { type: 'mdm', deviceCount: 50, validFromDays: -1, validUntilDays: 365 },
    users: [
      { username: 'admin', role: 'admin', hasTwoFactor: true },
      { username: 'new.admin', role: 'admin', hasTwoFactor: false },
      // Signs in through the reseller portal, which has no second factor for it yet: the RSP
      // variant of the two-factor dialog (issue 15; scripts/reseller-portal-stand-in/demo-accounts.ts).
      { username: 'rsp.admin', role: 'admin', hasTwoFactor: false, isRspLinked: true },
      { username: 'helpdesk', role: 'helpdesk', hasTwoFactor: true },
    ],
  },
  {
    tenantDomain: '234567.sms',
    name: 'Beta Retail AG',
    kind: 'customer',
    resellerDomain: '100001.sms',
    license: { type: 'mobile_security', deviceCount: 25, validFromDays: -30, validUntilDays: 180 },
    users: [{ username: 'admin', role: 'admin', hasTwoFactor: true }],
  },
  {
    tenantDomain: '345678.sms',
    name: 'Gamma Bau KG',
    kind: 'customer',
    resellerDomain: '100001.sms',
    license: { type: 'mdm', deviceCount: 10, validFromDays: -395, validUntilDays: -30 },
    users: [{ username: 'admin', role: 'admin', hasTwoFactor: true }],
  },
  {
    tenantDomain: '200002.sms',
    name: 'Other Reseller AG',
    kind: 'reseller',
    users: [{ username: 'reseller.admin', role: 'admin', hasTwoFactor: true }],
  },
  {
    tenantDomain: '456789.sms',
    name: 'Delta Foreign GmbH',
    kind: 'customer',
    resellerDomain: '200002.sms',
    license: { type: 'mdm', deviceCount: 100, validFromDays: -10, validUntilDays: 355 },
    users: [{ username: 'admin', role: 'admin', hasTwoFactor: true }],
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

function createLicenseKey(): string {
  const raw = randomBytes(12).toString('hex').toUpperCase();
  return `MSP-${raw.slice(0, 6)}-${raw.slice(6, 12)}-${raw.slice(12, 18)}-${raw.slice(18)}`;
}

/**
 * The portal's password format and TOTP secret encryption (lib/auth/password-hash.ts,
 * lib/crypto/secret-box.ts), passed in by the caller: db/ depends on nothing in lib/.
 */
export type DemoDataCredentials = {
  hashPassword: (password: string) => Promise<string>;
  encryptSecret: (secret: string, associatedData: string) => string;
};

/** Loads the demo data once; returns false when it is already there. */
export async function seedDemoData(db: Db, { hashPassword, encryptSecret }: DemoDataCredentials): Promise<boolean> {
  const [existing] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.tenantDomain, '100001.sms'));
  if (existing) return false;

  const userCount = DEMO_TENANTS.reduce((sum, tenant) => sum + tenant.users.length, 0);
  // Hash before the transaction: bcrypt work should not hold a connection open.
  const passwordHashes = await Promise.all(Array.from({ length: userCount }, () => hashPassword(DEMO_PASSWORD)));
  const now = Date.now();

  await db.transaction(async (tx) => {
    const tenantIds = new Map<string, string>();
    for (const demo of DEMO_TENANTS) {
      const [tenant] = await tx
        .insert(tenants)
        .values({
          kind: demo.kind,
          tenantDomain: demo.tenantDomain,
          name: demo.name,
          resellerId: demo.resellerDomain ? tenantIds.get(demo.resellerDomain)! : null,
          contactEmail: demo.contactEmail ?? null,
        })
        .returning({ id: tenants.id });
      tenantIds.set(demo.tenantDomain, tenant!.id);
      if (demo.license && demo.resellerDomain) {
        await tx.insert(licenses).values({
          tenantId: tenant!.id,
          resellerTenantId: tenantIds.get(demo.resellerDomain)!,
          type: demo.license.type,
          deviceCount: demo.license.deviceCount,
          validFrom: new Date(now + demo.license.validFromDays * DAY_MS),
          validUntil: new Date(now + demo.license.validUntilDays * DAY_MS),
          licenseKey: createLicenseKey(),
        });
      }
      for (const demoUser of demo.users) {
        const id = randomUUID();
        await tx.insert(users).values({
          id,
          tenantId: tenant!.id,
          username: demoUser.username,
          email: `${demoUser.username}@${demo.tenantDomain.replace('.sms', '')}.demo.invalid`,
          passwordHash: passwordHashes.pop()!,
          role: demoUser.role,
          isRspLinked: demoUser.isRspLinked ?? false,
          twoFactorSecretEncrypted: demoUser.hasTwoFactor ? encryptSecret(DEMO_TOTP_SECRET, id) : null,
          twoFactorEnabledAt: demoUser.hasTwoFactor ? new Date(now) : null,
        });
      }
    }
  });
  return true;
}
