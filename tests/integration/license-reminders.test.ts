import { eq } from 'drizzle-orm';
import { emailOutbox, licenseReminders } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { sendLicenseReminders } from '@/lib/license-reminders/send-license-reminders';
import { createLicense, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';
import { createWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());
const DAY = 86_400_000;

async function world() {
  const world = await createWorld({ resellers: { reseller: 'Reminder Reseller' }, customers: { customer: { of: 'reseller', name: 'Ending Soon GmbH' } } });
  for (const user of [{ role: 'admin' }, { role: 'admin' }, { role: 'helpdesk' }, { role: 'admin', disabled: true }] as const) {
    await createUser({ tenantId: world.reseller.id, withTwoFactor: false, ...user });
  }
  return world;
}

const remindersOf = (licenseId: string) => db().select().from(licenseReminders).where(eq(licenseReminders.licenseId, licenseId));
const outboxOf = (tenantId: string) => db().select().from(emailOutbox).where(eq(emailOutbox.tenantId, tenantId));

describe('license reminder job', () => {
  test('30, 7 and 1 days before the end: each reminder once, emailed to the active reseller admins', async () => {
    const { reseller, customer } = await world();
    const license = await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validUntilDays: 20 });
    const revoked = await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validUntilDays: 20, revoked: true });
    const far = await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validUntilDays: 45 });
    const ended = await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validFromDays: -30, validUntilDays: -1 });

    await sendLicenseReminders();
    await sendLicenseReminders();
    expect((await remindersOf(license.id)).map((r) => r.daysBefore)).toEqual([30]);
    for (const other of [revoked, far, ended]) expect(await remindersOf(other.id)).toHaveLength(0);
    const emails = await outboxOf(reseller.id);
    expect(emails).toHaveLength(2);
    expect(emails.every((email) => email.template === 'license_expiry_reminder')).toBe(true);

    const inFourteenDays = new Date(license.validUntil.getTime() - 6 * DAY);
    await sendLicenseReminders(inFourteenDays);
    const lastDay = new Date(license.validUntil.getTime() - 12 * 60 * 60 * 1000);
    await sendLicenseReminders(lastDay);
    await sendLicenseReminders(lastDay);
    expect((await remindersOf(license.id)).map((r) => r.daysBefore).sort((a, b) => a - b)).toEqual([1, 7, 30]);
    // By then the 45-day license is within 30 days too: its first reminder, once.
    expect((await remindersOf(far.id)).map((r) => r.daysBefore)).toEqual([30]);
    expect(await outboxOf(reseller.id)).toHaveLength(8);
  });

  test('concurrent runs (two instances) send each reminder once', async () => {
    const { reseller, customer } = await world();
    const licenses = await Promise.all([3, 6, 25].map((days) => createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validUntilDays: days })));
    const results = await Promise.all([sendLicenseReminders(), sendLicenseReminders(), sendLicenseReminders()]);
    expect(results.reduce((sum, result) => sum + result.remindersSent, 0)).toBe(3);
    const days = await Promise.all(licenses.map(async (license) => (await remindersOf(license.id)).map((r) => r.daysBefore)));
    expect(days).toEqual([[7], [7], [30]]);
    expect(await outboxOf(reseller.id)).toHaveLength(6);
  });
});
