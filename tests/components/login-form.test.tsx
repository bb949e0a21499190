import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginForm, type LoginFormState } from '@/app/_components/login-form';
import { renderWithIntl } from './intl-test-utils';

type LoginAction = (state: LoginFormState, formData: FormData) => Promise<LoginFormState>;

function setup(action: LoginAction, locale: 'en' | 'de' = 'en') {
  const user = userEvent.setup();
  renderWithIntl(<LoginForm action={action} passwordForgottenHref="/password-forgotten" />, { locale });
  return { user };
}

async function fillAndSubmit(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Tenant domain'), '123456.sms');
  await user.type(screen.getByLabelText('Username'), 'alice');
  await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginForm', () => {
  it('shows labelled fields, the submit button and the password-forgotten link', () => {
    setup(jest.fn());

    expect(screen.getByLabelText('Tenant domain')).toHaveAttribute('name', 'tenantDomain');
    expect(screen.getByLabelText('Tenant domain')).toHaveAccessibleDescription(/123456\.sms/);
    expect(screen.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Password forgotten?' })).toHaveAttribute('href', '/password-forgotten');
  });

  it('sends what the person typed to the action', async () => {
    const action = jest.fn<ReturnType<LoginAction>, Parameters<LoginAction>>(async () => ({ status: 'success' }));
    const { user } = setup(action);

    await fillAndSubmit(user);

    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const formData = action.mock.calls[0]![1];
    expect(formData.get('tenantDomain')).toBe('123456.sms');
    expect(formData.get('username')).toBe('alice');
    expect(formData.get('password')).toBe('correct horse battery staple');
  });

  it('says "Signing in…" and takes no second click while the login is checked', async () => {
    let finish: (state: LoginFormState) => void = () => {};
    const action = jest.fn<ReturnType<LoginAction>, Parameters<LoginAction>>(() => new Promise((resolve) => (finish = resolve)));
    const { user } = setup(action);

    await fillAndSubmit(user);

    const button = await screen.findByRole('button', { name: 'Signing in…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('aria-busy', 'true');
    await user.click(button);
    expect(action).toHaveBeenCalledTimes(1);
    finish({ status: 'error', message: 'login.errors.unavailable' });
    expect(await screen.findByRole('button', { name: 'Log in' })).not.toHaveAttribute('aria-disabled');
  });

  it('after wrong credentials announces the error, keeps tenant domain and username, and empties the password', async () => {
    const action: LoginAction = async (_state, formData) => ({
      status: 'error',
      message: 'login.errors.invalidCredentials',
      values: { tenantDomain: String(formData.get('tenantDomain')), username: String(formData.get('username')) },
    });
    const { user } = setup(action);

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Tenant domain, username or password is incorrect.');
    expect(screen.getByLabelText('Tenant domain')).toHaveValue('123456.sms');
    expect(screen.getByLabelText('Username')).toHaveValue('alice');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('links field errors to their inputs and focuses the first invalid field', async () => {
    const action: LoginAction = async () => ({
      status: 'error',
      fieldErrors: { tenantDomain: ['validation.tenantDomainFormat'], password: ['validation.required'] },
      values: { tenantDomain: 'acme', username: 'alice' },
    });
    const { user } = setup(action);

    await fillAndSubmit(user);

    const tenantDomain = screen.getByLabelText('Tenant domain');
    await waitFor(() => expect(tenantDomain).toHaveAttribute('aria-invalid', 'true'));
    expect(tenantDomain).toHaveAccessibleDescription(/Error: Enter a tenant domain such as 123456\.sms\./);
    expect(tenantDomain).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Error: This field is required.');
    expect(screen.getByLabelText('Username')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Username')).not.toHaveAttribute('aria-describedby');
  });

  it('never shows a raw message key or library text the message files lack', async () => {
    const action: LoginAction = async () => ({
      status: 'error',
      message: 'no.such.key',
      fieldErrors: { username: ['Invalid input: expected string, received undefined'] },
    });
    const { user } = setup(action);

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Error: This entry is not valid.');
    expect(screen.queryByText(/no\.such\.key|Invalid input/)).not.toBeInTheDocument();
  });

  it('pre-fills a remembered tenant domain', () => {
    renderWithIntl(<LoginForm action={jest.fn()} defaultTenantDomain="123456.sms" passwordForgottenHref="/x" />);

    expect(screen.getByLabelText('Tenant domain')).toHaveValue('123456.sms');
  });

  it('speaks German when the locale is German', async () => {
    const action: LoginAction = async () => ({ status: 'error', message: 'login.errors.rateLimited' });
    const user = userEvent.setup();
    renderWithIntl(<LoginForm action={action} passwordForgottenHref="/x" />, { locale: 'de' });

    expect(screen.getByLabelText('Mandanten-Domain')).toBeInTheDocument();
    expect(screen.getByLabelText('Benutzername')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Passwort vergessen?' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Mandanten-Domain'), '123456.sms');
    await user.type(screen.getByLabelText('Benutzername'), 'alice');
    await user.type(screen.getByLabelText('Passwort'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Zu viele Anmeldeversuche aus diesem Netzwerk. Bitte versuchen Sie es später erneut.',
    );
  });

  it('after a password reset it comes back filled in, and carries the deep link along (issue 9)', async () => {
    const action = jest.fn<ReturnType<LoginAction>, Parameters<LoginAction>>(async () => ({ status: 'success' }));
    const user = userEvent.setup();
    renderWithIntl(
      <LoginForm action={action} defaultTenantDomain="123456.sms" defaultUsername="alice" returnTo="/tenant/123456.sms/audit" passwordForgottenHref="/password-forgotten" />,
    );
    expect(screen.getByLabelText('Tenant domain')).toHaveValue('123456.sms');
    expect(screen.getByLabelText('Username')).toHaveValue('alice');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![1].get('returnTo')).toBe('/tenant/123456.sms/audit');
  });
});

