import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateUserForm, type CreateUserField } from '@/app/tenant/[tenantDomain]/users/_components/create-user-form';
import type { FormState } from '@/lib/forms/form-state';
import { renderWithIntl } from './intl-test-utils';

type Action = (state: FormState<CreateUserField>, formData: FormData) => Promise<FormState<CreateUserField>>;

function setup(action: Action, locale: 'en' | 'de' = 'en') {
  const user = userEvent.setup();
  renderWithIntl(<CreateUserForm action={action} roles={['admin', 'helpdesk', 'auditor']} />, { locale });
  return { user };
}

describe('CreateUserForm', () => {
  it('sends username, email and role', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({ status: 'success', message: 'users.messages.created' }));
    const { user } = setup(action);
    await user.type(screen.getByLabelText('Username'), 'new.person');
    await user.type(screen.getByLabelText('Email'), 'new.person@example.test');
    await user.selectOptions(screen.getByLabelText('Role'), 'auditor');
    await user.click(screen.getByRole('button', { name: 'Create user and send invitation' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const data = action.mock.calls[0]![1];
    expect(Object.fromEntries(data.entries())).toEqual({ username: 'new.person', email: 'new.person@example.test', role: 'auditor' });
    expect(await screen.findByRole('status')).toHaveTextContent('User created.');
    expect(screen.getByLabelText('Username')).toHaveValue('');
  });

  it('shows field errors linked to the field, keeps what was typed and focuses the field', async () => {
    const { user } = setup(async () => ({
      status: 'error',
      message: 'users.errors.username_taken',
      fieldErrors: { username: ['users.errors.username_taken'] },
      values: { username: 'admin', email: 'a@example.test', role: 'helpdesk' },
    }));
    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Email'), 'a@example.test');
    await user.click(screen.getByRole('button', { name: 'Create user and send invitation' }));
    const field = await screen.findByLabelText('Username');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/already taken/);
    expect(field).toHaveValue('admin');
    expect(field).toHaveFocus();
  });

  it('is fully translated into German', () => {
    setup(jest.fn(), 'de');
    expect(screen.getByLabelText('Benutzername')).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Prüfer' })).toBeInTheDocument();
  });
});
