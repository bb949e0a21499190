import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProfileForm } from '@/app/tenant/[tenantDomain]/configurations/_components/profile-form';
import type { ProfileField } from '@/lib/configurations/parse-profile-form';
import type { FormState } from '@/lib/forms/form-state';
import { renderWithIntl } from './intl-test-utils';

type Action = (state: FormState<ProfileField>, formData: FormData) => Promise<FormState<ProfileField>>;

describe('ProfileForm', () => {
  it('renders both platforms’ toggles, marked for the stylesheet, and submits the settings', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({ status: 'idle' }));
    const user = userEvent.setup();
    renderWithIntl(<ProfileForm action={action} submitLabel="Create profile" />);
    // The stylesheet shows the chosen platform's toggle (no script needed); jsdom applies no CSS.
    expect(screen.getByLabelText('Allow apps from unknown sources (Android)').closest('.field--platform-android')).not.toBeNull();
    expect(screen.getByLabelText('Allow the App Store (iOS)').closest('.field--platform-ios')).not.toBeNull();
    await user.selectOptions(screen.getByLabelText('Platform'), 'ios');
    await user.type(screen.getByLabelText('Name'), 'iPhones');
    await user.type(screen.getByLabelText('Wi-Fi networks'), 'Office{enter}Guest');
    await user.click(screen.getByRole('button', { name: 'Create profile' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const data = Object.fromEntries(action.mock.calls[0]![1].entries());
    expect(data).toEqual({
      name: 'iPhones',
      platform: 'ios',
      passcodeMinLength: '6',
      screenLockMinutes: '5',
      wifiNetworks: 'Office\nGuest',
      cameraAllowed: 'on',
      allowAppStore: 'on',
    });
  });

  it('links a settings error to its field', async () => {
    const user = userEvent.setup();
    renderWithIntl(
      <ProfileForm
        action={async () => ({ status: 'error', message: 'validation.checkFields', fieldErrors: { passcodeMinLength: ['configurations.validation.passcodeMinLength'] }, values: { name: 'X', platform: 'android', passcodeMinLength: '3', screenLockMinutes: '5', wifiNetworks: '' } })}
        submitLabel="Create profile"
      />,
    );
    await user.type(screen.getByLabelText('Name'), 'X');
    await user.click(screen.getByRole('button', { name: 'Create profile' }));
    const field = await screen.findByLabelText('Minimum passcode length');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/whole number from 4 to 16/);
    expect(field).toHaveValue(3);
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
  });
});
