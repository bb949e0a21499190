import { eq } from 'drizzle-orm';
import { auditEvents, configurationProfiles } from '@/db/schema';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { createConfigurationProfile } from '@/lib/configurations/create-configuration-profile';
import { deleteConfigurationProfile } from '@/lib/configurations/delete-configuration-profile';
import { getConfigurationProfile, listConfigurationProfiles } from '@/lib/configurations/list-configuration-profiles';
import { updateConfigurationProfile } from '@/lib/configurations/update-configuration-profile';
import { createCustomerWithAdmin } from '../support/factories';
import { useTestDatabase } from '../support/test-database';
import { CLIENT_ADDRESS, accessAs } from '../support/sessions';
import { addUser } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const ip = CLIENT_ADDRESS;
const androidSettings = { passcodeMinLength: 6, screenLockMinutes: 5, cameraAllowed: true, wifiNetworks: ['Office'], allowUnknownSources: false };
const iosSettings = { passcodeMinLength: 8, screenLockMinutes: 2, cameraAllowed: false, wifiNetworks: [], allowAppStore: true };

async function adminAccess() {
  const { customer, admin } = await createCustomerWithAdmin();
  return { customer, access: await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain) };
}

describe('configuration profiles', () => {
  test('admin creates, edits and deletes a profile; each step is audited', async () => {
    const { customer, access } = await adminAccess();
    const { profileId } = await createConfigurationProfile(access, { profile: { name: 'Field staff', platform: 'android', settings: androidSettings }, clientAddress: ip });
    expect((await listConfigurationProfiles(access)).rows).toEqual([expect.objectContaining({ id: profileId, name: 'Field staff', platform: 'android', settings: androidSettings })]);
    await updateConfigurationProfile(access, { profileId, profile: { name: 'iPhones', platform: 'ios', settings: iosSettings }, clientAddress: ip });
    expect(await getConfigurationProfile(access, profileId)).toMatchObject({ name: 'iPhones', platform: 'ios', settings: iosSettings });
    await deleteConfigurationProfile(access, { profileId, clientAddress: ip });
    expect((await listConfigurationProfiles(access)).rows).toEqual([]);
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.tenantId, customer.id))).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['configuration.created', 'configuration.updated', 'configuration.deleted']));
  });

  test.each([
    ['passcode too short', { ...androidSettings, passcodeMinLength: 3 }],
    ['passcode too long', { ...androidSettings, passcodeMinLength: 17 }],
    ['screen lock 0', { ...androidSettings, screenLockMinutes: 0 }],
    ['screen lock 61', { ...androidSettings, screenLockMinutes: 61 }],
    ['camera as text', { ...androidSettings, cameraAllowed: 'yes' }],
    ['empty SSID', { ...androidSettings, wifiNetworks: [''] }],
    ['SSID of 33 characters', { ...androidSettings, wifiNetworks: ['x'.repeat(33)] }],
    ['21 SSIDs', { ...androidSettings, wifiNetworks: Array.from({ length: 21 }, (_, index) => `net-${index}`) }],
    ['an extra key', { ...androidSettings, rootAllowed: true }],
    ['the iOS key on Android', { ...androidSettings, allowAppStore: true }],
    ['a missing key', { passcodeMinLength: 6, screenLockMinutes: 5, cameraAllowed: true, wifiNetworks: [] }],
  ])('settings with %s are refused and nothing is written', async (_name, settings) => {
    const { customer, access } = await adminAccess();
    await expect(createConfigurationProfile(access, { profile: { name: 'Bad', platform: 'android', settings }, clientAddress: ip })).rejects.toMatchObject({ code: 'invalid_profile' });
    expect(await db().select().from(configurationProfiles).where(eq(configurationProfiles.tenantId, customer.id))).toHaveLength(0);
  });

  test('edges are accepted: passcode 4 and 16, screen lock 1 and 60, 20 SSIDs of 32 characters', async () => {
    const { access } = await adminAccess();
    const wifiNetworks = Array.from({ length: 20 }, (_, index) => `${index}`.padEnd(32, 'x'));
    await createConfigurationProfile(access, { profile: { name: 'Min', platform: 'ios', settings: { ...iosSettings, passcodeMinLength: 4, screenLockMinutes: 1 } }, clientAddress: ip });
    await createConfigurationProfile(access, { profile: { name: 'Max', platform: 'ios', settings: { ...iosSettings, passcodeMinLength: 16, screenLockMinutes: 60, wifiNetworks } }, clientAddress: ip });
    expect((await listConfigurationProfiles(access)).rows).toHaveLength(2);
  });

  test('an extra top-level field such as tenantId is refused', async () => {
    const { access } = await adminAccess();
    const profile = { name: 'X', platform: 'android', settings: androidSettings, tenantId: '00000000-0000-0000-0000-000000000000' };
    await expect(createConfigurationProfile(access, { profile, clientAddress: ip })).rejects.toMatchObject({ code: 'invalid_profile' });
  });

  test('an auditor sees profiles but cannot change them', async () => {
    const { customer, access } = await adminAccess();
    const { profileId } = await createConfigurationProfile(access, { profile: { name: 'Keep', platform: 'android', settings: androidSettings }, clientAddress: ip });
    const auditor = await accessAs(await addUser({ tenantId: customer.id, role: 'auditor' }), customer.tenantDomain);
    expect((await listConfigurationProfiles(auditor)).rows).toHaveLength(1);
    await expect(deleteConfigurationProfile(auditor, { profileId, clientAddress: ip })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(createConfigurationProfile(auditor, { profile: { name: 'No', platform: 'android', settings: androidSettings }, clientAddress: ip })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await listConfigurationProfiles(access)).rows).toHaveLength(1);
  });
});
