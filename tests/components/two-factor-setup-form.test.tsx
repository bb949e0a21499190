import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TwoFactorSetupForm, type SetupNextStep, type TwoFactorSetupFormState } from '@/app/_components/two-factor-setup-form';
import { renderWithIntl } from './intl-test-utils';

type SetupAction = (state: TwoFactorSetupFormState, formData: FormData) => Promise<TwoFactorSetupFormState>;

const codes = Array.from({ length: 10 }, (_, index) => `aaaa-bbbb-cccc-dd${String.fromCharCode(97 + index)}${index % 8 + 2}`);

function renderForm(action: SetupAction, options: { next?: SetupNextStep; status?: 'pending' | 'active' | 'unavailable' | 'hidden' } = {}) {
  return renderWithIntl(
    <TwoFactorSetupForm
      action={action}
      next={options.next ?? { action: jest.fn(async () => undefined), label: 'Continue' }}
      status={options.status ?? 'pending'}
      fallback={<p>This link is used up.</p>}
    >
      <code data-testid="secret">ABCD EFGH</code>
    </TwoFactorSetupForm>,
  );
}

describe('TwoFactorSetupForm (login screen and email link alike)', () => {
  it('shows the secret and one "Authentication code" field to confirm', () => {
    renderForm(jest.fn());
    expect(screen.getByTestId('secret')).toHaveTextContent('ABCD EFGH');
    const code = screen.getByLabelText('Authentication code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toBeRequired();
    expect(screen.getByRole('button', { name: 'Activate' })).toBeEnabled();
  });

  it('a wrong code: the error is announced, the field is empty and focused, the secret still shown', async () => {
    const action = jest.fn<ReturnType<SetupAction>, Parameters<SetupAction>>(async () => ({ status: 'error', message: 'login.errors.invalidCode' }));
    const user = userEvent.setup();
    renderForm(action);
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid code.');
    expect(action.mock.calls[0]![1].get('code')).toBe('123456');
    expect(screen.getByLabelText('Authentication code')).toHaveValue('');
    expect(screen.getByTestId('secret')).toBeInTheDocument();
  });

  it('the right code: the secret is gone, success is announced, the 10 recovery codes are shown once, Continue leads on', async () => {
    const action: SetupAction = async () => ({ status: 'success', message: 'twoFactorSetup.activated', recoveryCodes: codes });
    const continueAction = jest.fn(async () => undefined);
    const user = userEvent.setup();
    renderForm(action, { next: { action: continueAction, label: 'Continue' } });
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Activate' }));

    expect(await screen.findByRole('heading', { name: 'Your recovery codes' })).toBeInTheDocument();
    expect(screen.getByText('Two-factor authentication is active.')).toHaveAttribute('role', 'status');
    expect(screen.queryByTestId('secret')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Authentication code')).not.toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    const download = screen.getByRole('link', { name: 'Download as text file' });
    expect(download).toHaveAttribute('download', 'recovery-codes.txt');
    expect(decodeURIComponent(download.getAttribute('href')!)).toContain(codes.join('\n'));
    expect(screen.getByRole('button', { name: 'Copy codes' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(continueAction).toHaveBeenCalled();
  });

  it('the email-link route leads on with a link (to the login)', async () => {
    const action: SetupAction = async () => ({ status: 'success', message: 'accountLink.done', recoveryCodes: codes });
    const user = userEvent.setup();
    renderForm(action, { next: { href: '/login', label: 'Continue to login' } });
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    expect(await screen.findByText('Two-factor authentication is active and your password is set.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue to login' })).toHaveAttribute('href', '/login');
  });

  it('activated already (a reload): no secret, only Continue; a used-up link: the fallback; hidden: nothing', () => {
    const { unmount } = renderForm(jest.fn(), { status: 'active' });
    expect(screen.queryByTestId('secret')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
    unmount();
    const second = renderForm(jest.fn(), { status: 'unavailable' });
    expect(screen.getByText('This link is used up.')).toBeInTheDocument();
    expect(screen.queryByTestId('secret')).not.toBeInTheDocument();
    second.unmount();
    const { container } = renderForm(jest.fn(), { status: 'hidden' });
    expect(container).toBeEmptyDOMElement();
  });
});
