import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SecondFactorForm } from '@/app/account-link/_components/account-link-forms';
import { RoleSelect } from '@/app/tenant/[tenantDomain]/users/_components/role-select';
import type { FormState } from '@/lib/forms/form-state';
import { renderWithIntl } from './intl-test-utils';

type Action = (state: FormState<'code'>, formData: FormData) => Promise<FormState<'code'>>;

describe('the code field of a reset link with two-factor', () => {
  it('asks for an authenticator code as a one-time code, and for a recovery code as plain text', async () => {
    const user = userEvent.setup();
    renderWithIntl(<SecondFactorForm action={async () => ({ status: 'idle' })} />);
    const code = screen.getByLabelText('Authentication code');
    expect(code).toHaveAttribute('name', 'code');
    expect(code).toHaveAttribute('type', 'text');
    expect(code).toHaveClass('input', 'input--code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('maxlength', '6');
    expect(code).toHaveAttribute('spellcheck', 'false');
    expect(code).toBeRequired();
    expect(code).not.toHaveAttribute('aria-describedby');
    expect(code).not.toHaveAttribute('aria-invalid');

    await user.type(code, '123');
    await user.click(screen.getByLabelText('A recovery code (lost phone)'));
    const recovery = screen.getByLabelText('Recovery code');
    expect(recovery).toHaveValue('');
    expect(recovery).toHaveAttribute('inputmode', 'text');
    expect(recovery).toHaveAttribute('autocomplete', 'off');
    expect(recovery).toHaveAttribute('maxlength', '64');
  });

  it('links an error to the field, and never fills the code in again', async () => {
    const user = userEvent.setup();
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({ status: 'error', message: 'validation.checkFields', fieldErrors: { code: ['validation.required'] } }));
    renderWithIntl(<SecondFactorForm action={action} />);
    await user.type(screen.getByLabelText('Authentication code'), '1');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(screen.getByLabelText('Authentication code')).toHaveAttribute('aria-invalid', 'true'));
    expect(Object.fromEntries(action.mock.calls[0]![1].entries())).toEqual({ method: 'totp', code: '1' });
    const code = screen.getByLabelText('Authentication code');
    expect(code).toHaveAccessibleDescription('Error: This field is required.');
    expect(code).toHaveValue('');
  });

  it('gives the emptied field the focus back after a wrong code, as the code step of the login does', async () => {
    const user = userEvent.setup();
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({ status: 'error', message: 'login.errors.invalidCode' }));
    renderWithIntl(<SecondFactorForm action={action} />);
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(screen.getByText('Invalid code.')).toBeInTheDocument());
    const code = screen.getByLabelText('Authentication code');
    expect(code).toHaveValue('');
    expect(code).toHaveFocus();
  });
});

describe('the role field of the change-role confirmation', () => {
  it('is a labelled select named role with the current role chosen, and nothing else', () => {
    renderWithIntl(
      <RoleSelect
        label="New role for new.admin"
        roles={[
          { value: 'admin', label: 'Administrator' },
          { value: 'auditor', label: 'Auditor' },
        ]}
        defaultValue="auditor"
      />,
    );
    const select = screen.getByLabelText('New role for new.admin');
    expect(select.tagName).toBe('SELECT');
    expect(select).toHaveAttribute('name', 'role');
    expect(select).toHaveClass('select');
    expect(select).toHaveValue('auditor');
    expect(select).not.toHaveAttribute('aria-describedby');
    expect(select).not.toHaveAttribute('aria-invalid');
    expect(select.closest('.field')?.querySelector('label.field__label')).toHaveTextContent('New role for new.admin');
  });
});
