import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TwoFactorCodeForm, type TwoFactorCodeFormState } from '@/app/_components/two-factor-code-form';
import { renderWithIntl } from './intl-test-utils';

type CodeAction = (state: TwoFactorCodeFormState, formData: FormData) => Promise<TwoFactorCodeFormState>;

describe('TwoFactorCodeForm', () => {
  it('offers one numeric one-time-code field, focused, with Verify and a way back', () => {
    renderWithIntl(<TwoFactorCodeForm action={jest.fn()} cancelHref="/login" />);

    const code = screen.getByLabelText('Authentication code');
    expect(code).toHaveAttribute('name', 'code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('pattern', '[0-9]{6}');
    expect(code).toHaveAttribute('maxlength', '6');
    expect(code).toBeRequired();
    expect(code).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Verify' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Cancel and start again' })).toHaveAttribute('href', '/login');
  });

  it('sends the code and, when it is wrong, says "Invalid code." and empties the field', async () => {
    const action = jest.fn<ReturnType<CodeAction>, Parameters<CodeAction>>(async () => ({
      status: 'error',
      message: 'login.errors.invalidCode',
    }));
    const user = userEvent.setup();
    renderWithIntl(<TwoFactorCodeForm action={action} cancelHref="/login" />);

    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid code.');
    expect(action.mock.calls[0]![1].get('code')).toBe('123456');
    expect(screen.getByLabelText('Authentication code')).toHaveValue('');
    expect(screen.getByLabelText('Authentication code')).toHaveFocus();
  });

  it('links a format error to the field', async () => {
    const action: CodeAction = async () => ({ status: 'error', fieldErrors: { code: ['validation.codeFormat'] } });
    const user = userEvent.setup();
    renderWithIntl(<TwoFactorCodeForm action={action} cancelHref="/login" />);

    await user.type(screen.getByLabelText('Authentication code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    const code = screen.getByLabelText('Authentication code');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(/Error: Enter the 6-digit code from your authenticator app\./);
  });
});
