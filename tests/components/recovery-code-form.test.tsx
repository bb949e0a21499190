import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecoveryCodeForm, type RecoveryCodeFormState } from '@/app/_components/recovery-code-form';
import { renderWithIntl } from './intl-test-utils';

type RecoveryAction = (state: RecoveryCodeFormState, formData: FormData) => Promise<RecoveryCodeFormState>;

describe('RecoveryCodeForm', () => {
  it('one labelled field, focused, with a way back to the app code', () => {
    renderWithIntl(<RecoveryCodeForm action={jest.fn()} continueAction={jest.fn()} cancelHref="/login/code" />);
    const field = screen.getByLabelText('Recovery code');
    expect(field).toHaveAttribute('name', 'recoveryCode');
    expect(field).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Use a code from the app instead' })).toHaveAttribute('href', '/login/code');
  });

  it('a wrong code is announced; a right one tells how many codes remain and offers Continue', async () => {
    const action = jest
      .fn<ReturnType<RecoveryAction>, Parameters<RecoveryAction>>()
      .mockResolvedValueOnce({ status: 'error', message: 'recoveryLogin.invalid' })
      .mockResolvedValueOnce({ status: 'success', message: 'recoveryLogin.accepted', remaining: 1 });
    const continueAction = jest.fn(async () => undefined);
    const user = userEvent.setup();
    renderWithIntl(<RecoveryCodeForm action={action} continueAction={continueAction} cancelHref="/login/code" />);

    await user.type(screen.getByLabelText('Recovery code'), 'aaaa-bbbb-cccc-dddd');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid recovery code.');
    expect(screen.getByLabelText('Recovery code')).toHaveValue('');
    expect(screen.getByLabelText('Recovery code')).toHaveFocus();

    // user-event remembers the text it typed; the form reset emptied the field behind its back.
    await user.clear(screen.getByLabelText('Recovery code'));
    await user.type(screen.getByLabelText('Recovery code'), 'aaaa-bbbb-cccc-eeee');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText(/1 recovery code remains\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(continueAction).toHaveBeenCalled();
    expect(action.mock.calls[1]![1].get('recoveryCode')).toBe('aaaa-bbbb-cccc-eeee');
  });
});
