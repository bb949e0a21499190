import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmActionForm } from '@/app/tenant/[tenantDomain]/users/_components/confirm-action-form';
import type { FormState } from '@/lib/forms/form-state';
import { renderWithIntl } from './intl-test-utils';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function setup(action: Action) {
  const user = userEvent.setup();
  renderWithIntl(
    <ConfirmActionForm
      action={action}
      hiddenFields={{ userId: 'u-1' }}
      triggerLabel="Disable"
      question="Disable alice?"
      confirmLabel="Yes, continue"
      cancelLabel="Cancel"
      isDestructive
    />,
  );
  return { user };
}

describe('ConfirmActionForm', () => {
  it('asks first and submits only after the confirmation, with the hidden id', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({ status: 'success', message: 'users.messages.disabled' }));
    const { user } = setup(action);
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: 'Disable alice?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Yes, continue' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Yes, continue' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![1].get('userId')).toBe('u-1');
    expect(await screen.findByRole('status')).toHaveTextContent('User disabled. Their sessions have ended.');
    expect(screen.getByRole('button', { name: 'Disable' })).toBeInTheDocument();
  });

  it('cancel closes the question without submitting and returns focus', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>();
    const { user } = setup(action);
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Disable' })).toHaveFocus();
  });

  it('announces a refusal as an alert', async () => {
    const { user } = setup(async () => ({ status: 'error', message: 'users.errors.last_admin' }));
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    await user.click(screen.getByRole('button', { name: 'Yes, continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The last active administrator of a tenant cannot be demoted or disabled.');
  });
});
