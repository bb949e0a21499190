import { parseProfileForm } from '@/lib/configurations/parse-profile-form';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const valid = { name: 'Field staff', platform: 'android', passcodeMinLength: '6', screenLockMinutes: '5', cameraAllowed: 'on', wifiNetworks: 'Office\n\n Guest \n' };

describe('profile form', () => {
  test('turns the form into typed settings for the chosen platform', () => {
    const result = parseProfileForm(form({ ...valid, allowUnknownSources: 'on' }));
    expect(result).toEqual({
      ok: true,
      data: {
        name: 'Field staff',
        platform: 'android',
        settings: { passcodeMinLength: 6, screenLockMinutes: 5, cameraAllowed: true, wifiNetworks: ['Office', 'Guest'], allowUnknownSources: true },
      },
    });
  });

  test('unchecked boxes are false; iOS gets allowAppStore', () => {
    const result = parseProfileForm(form({ name: 'i', platform: 'ios', passcodeMinLength: '4', screenLockMinutes: '60', wifiNetworks: '' }));
    expect(result).toMatchObject({ ok: true, data: { settings: { cameraAllowed: false, allowAppStore: false, wifiNetworks: [] } } });
  });

  test.each([
    ['passcodeMinLength', '3', 'configurations.validation.passcodeMinLength'],
    ['passcodeMinLength', '6.5', 'configurations.validation.passcodeMinLength'],
    ['screenLockMinutes', '61', 'configurations.validation.screenLockMinutes'],
    ['wifiNetworks', 'x'.repeat(33), 'configurations.validation.ssidLength'],
    ['wifiNetworks', Array.from({ length: 21 }, (_, i) => `n${i}`).join('\n'), 'configurations.validation.wifiNetworksCount'],
    ['name', '   ', 'validation.required'],
  ])('%s = %s is refused with %s', (field, value, message) => {
    const result = parseProfileForm(form({ ...valid, [field]: value }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.state.fieldErrors?.[field as 'name']).toContain(message);
  });

  test('the other platform’s toggle, which the page sends along (hidden), is never stored', () => {
    const result = parseProfileForm(form({ ...valid, allowUnknownSources: 'on', allowAppStore: 'on' }));
    expect(result).toMatchObject({ ok: true, data: { platform: 'android', settings: { allowUnknownSources: true } } });
    if (result.ok) expect(result.data.settings).not.toHaveProperty('allowAppStore');
  });

  test('an unexpected field such as tenantId is refused', () => {
    const result = parseProfileForm(form({ ...valid, tenantId: 'x' }));
    expect(result).toMatchObject({ ok: false, state: { message: 'validation.unexpectedField' } });
  });
});
