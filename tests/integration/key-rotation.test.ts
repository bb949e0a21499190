import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Client } from 'pg';
import { accountTokens, emailOutbox, pendingLogins, users } from '@/db/schema';
import { deriveKeyId } from '@/lib/crypto/keyring';
import { countBoxesOnOtherKeys, rotateEncryptionKey } from '@/lib/crypto/rotate-encryption-key';
import { decryptSecret, encryptSecret, isSealedWithCurrentKey } from '@/lib/crypto/secret-box';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { resetEnvCache } from '@/lib/env';
import { setupSecretAssociatedData } from '@/lib/two-factor/start-two-factor-setup';
import { createCustomerWithAdmin, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';
import { legacySecretBox } from '../support/legacy-secret-box';

// `npm run keys:rotate` against real rows: every TOTP secret (active and in enrollment) and every
// outbox payload moves to the new key, the portal's own writes during the rotation survive, and
// afterwards the old key can go.

const { db } = useTestDatabase();
const originalKey = process.env.TWO_FACTOR_ENCRYPTION_KEY;
const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');

function useKeys(current: string, decryption: string[] = []): void {
  process.env.TWO_FACTOR_ENCRYPTION_KEY = current;
  process.env.TWO_FACTOR_DECRYPTION_KEYS = decryption.join(',');
  resetEnvCache();
}

afterAll(() => {
  process.env.TWO_FACTOR_ENCRYPTION_KEY = originalKey;
  delete process.env.TWO_FACTOR_DECRYPTION_KEYS;
  resetEnvCache();
});

describe('TOTP and outbox key rotation', () => {
  let tenantId: string;
  let userIds: string[];
  let secrets: Map<string, string>;
  let legacyUserId: string;
  let outboxId: string;
  let pendingLoginId: string;
  let accountTokenId: string;
  const setupSecret = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

  beforeAll(async () => {
    useKeys(oldKey);
    const { customer, admin } = await createCustomerWithAdmin();
    tenantId = customer.id;
    const more = await Promise.all(Array.from({ length: 4 }, () => createUser({ tenantId })));
    const all = [{ id: admin.id, twoFactorSecret: admin.twoFactorSecret }, ...more];
    userIds = all.map((user) => user.id);
    secrets = new Map(all.map((user) => [user.id, user.twoFactorSecret!]));

    const legacy = await createUser({ tenantId, withTwoFactor: false });
    legacyUserId = legacy.id;
    secrets.set(legacyUserId, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    await db().update(users).set({ twoFactorSecretEncrypted: legacySecretBox('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', oldKey, legacyUserId), twoFactorEnabledAt: new Date() }).where(eq(users.id, legacyUserId));

    outboxId = await enqueueEmail(db(), {
      tenantId,
      to: 'rotation@example.test',
      locale: 'en',
      template: 'password_changed',
      payload: { username: 'admin', tenantDomain: customer.tenantDomain },
    });
    const [pending] = await db()
      .insert(pendingLogins)
      .values({
        tokenHash: randomBytes(16).toString('hex'),
        userId: admin.id,
        tenantId,
        nextStep: 'two_factor_setup',
        expiresAt: new Date(Date.now() + 600_000),
        twoFactorSetupSecretEncrypted: encryptSecret(setupSecret, setupSecretAssociatedData(admin.id)),
      })
      .returning({ id: pendingLogins.id });
    pendingLoginId = pending!.id;
    const [link] = await db()
      .insert(accountTokens)
      .values({
        tenantId,
        userId: admin.id,
        purpose: 'password_reset',
        tokenHash: randomBytes(16).toString('hex'),
        expiresAt: new Date(Date.now() + 3_600_000),
        twoFactorSetupSecretEncrypted: encryptSecret(setupSecret, setupSecretAssociatedData(admin.id)),
      })
      .returning({ id: accountTokens.id });
    accountTokenId = link!.id;
  });

  test('the new key encrypts while the old one still decrypts; rotation moves every box, and then the old key can go', async () => {
    useKeys(newKey, [oldKey]);
    const before = await countBoxesOnOtherKeys();
    expect(before['users.two_factor_secret_encrypted']).toBeGreaterThanOrEqual(6);
    expect(before).toMatchObject({
      'pending_logins.two_factor_setup_secret_encrypted': 1,
      'account_tokens.two_factor_setup_secret_encrypted': 1,
      'email_outbox.payload_encrypted': 1,
    });

    const report = await rotateEncryptionKey({ batchSize: 2 });
    for (const entry of Object.values(report)) expect(entry.unreadable).toEqual([]);
    expect(report['users.two_factor_secret_encrypted']!.rotated).toBe(before['users.two_factor_secret_encrypted']);
    expect(Object.values(await countBoxesOnOtherKeys())).toEqual([0, 0, 0, 0]);

    // Only the new key from here on.
    useKeys(newKey);
    const rows = await db().select({ id: users.id, box: users.twoFactorSecretEncrypted }).from(users);
    for (const id of [...userIds, legacyUserId]) {
      const box = rows.find((row) => row.id === id)!.box!;
      expect(box.split('.')[1]).toBe(deriveKeyId(Buffer.from(newKey, 'base64')));
      expect(decryptSecret(box, id)).toBe(secrets.get(id));
    }
    const [email] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(JSON.parse(decryptSecret(email!.payloadEncrypted!, `email:${outboxId}`))).toMatchObject({ username: 'admin' });
    const [pending] = await db().select().from(pendingLogins).where(eq(pendingLogins.id, pendingLoginId));
    expect(decryptSecret(pending!.twoFactorSetupSecretEncrypted!, setupSecretAssociatedData(userIds[0]!))).toBe(setupSecret);
    const [link] = await db().select().from(accountTokens).where(eq(accountTokens.id, accountTokenId));
    expect(decryptSecret(link!.twoFactorSetupSecretEncrypted!, setupSecretAssociatedData(userIds[0]!))).toBe(setupSecret);
  });

  test('a box no key of the keyring opens is reported and left as it is; the rest rotates', async () => {
    const strayKey = randomBytes(32).toString('base64');
    const stray = await createUser({ tenantId, withTwoFactor: false });
    useKeys(strayKey);
    const strayBox = encryptSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', stray.id);
    await db().update(users).set({ twoFactorSecretEncrypted: strayBox }).where(eq(users.id, stray.id));

    const rotatedKey = randomBytes(32).toString('base64');
    useKeys(rotatedKey, [newKey]);
    const report = await rotateEncryptionKey({ batchSize: 3 });
    expect(report['users.two_factor_secret_encrypted']!.unreadable).toEqual([stray.id]);
    expect(report['users.two_factor_secret_encrypted']!.rotated).toBe(userIds.length + 1);
    const [row] = await db().select({ box: users.twoFactorSecretEncrypted }).from(users).where(eq(users.id, stray.id));
    expect(row!.box).toBe(strayBox);
    useKeys(rotatedKey);
    const [admin] = await db().select({ box: users.twoFactorSecretEncrypted }).from(users).where(eq(users.id, userIds[0]!));
    expect(isSealedWithCurrentKey(admin!.box!)).toBe(true);
    await db().update(users).set({ twoFactorSecretEncrypted: null }).where(eq(users.id, stray.id));
  });

  test('a secret the portal changes during the rotation keeps the portal’s value', async () => {
    const portalKey = randomBytes(32).toString('base64');
    const previousKey = process.env.TWO_FACTOR_ENCRYPTION_KEY!;
    useKeys(portalKey, [previousKey]);
    const userId = userIds[1]!;
    const replacement = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';

    // The portal (another connection) re-enrolls this user and holds the row until it commits.
    const portal = new Client({ connectionString: process.env.DATABASE_URL });
    await portal.connect();
    try {
      await portal.query('BEGIN');
      await portal.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
      const rotation = rotateEncryptionKey({ batchSize: 2 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await portal.query('UPDATE users SET two_factor_secret_encrypted = $1 WHERE id = $2', [encryptSecret(replacement, userId), userId]);
      await portal.query('COMMIT');
      const report = await rotation;
      expect(report['users.two_factor_secret_encrypted']!.unreadable).toEqual([]);
    } finally {
      await portal.end();
    }

    useKeys(portalKey);
    const [row] = await db().select({ box: users.twoFactorSecretEncrypted }).from(users).where(eq(users.id, userId));
    expect(decryptSecret(row!.box!, userId)).toBe(replacement);
    expect(Object.values(await countBoxesOnOtherKeys())).toEqual([0, 0, 0, 0]);
  });
});
