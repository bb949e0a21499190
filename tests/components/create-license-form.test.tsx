import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateLicenseForm, type CreateLicenseField } from '@/app/tenant/[tenantDomain]/customers/_components/create-license-form';
import type { FormState } from '@/lib/forms/form-state';
import { renderWithIntl } from './intl-test-utils';

const alpha = { id: '11111111-1111-4111-8111-111111111111', name: 'Alpha Logistik GmbH', tenantDomain: '123456.sms' };
type Action = (state: FormState<CreateLicenseField>, formData: FormData) => Promise<FormState<CreateLicenseField>>;

function renderForm(action: Action, customer: typeof alpha | null) {
  return renderWithIntl(<CreateLicenseForm action={action} customer={customer} today="2026-11-23" defaultValidUntil="2027-11-23" />);
}

describe('CreateLicenseForm', () => {
  test('for an existing customer: names it and submits its id with type, device count and dates', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({ status: 'idle' }));
    const user = userEvent.setup();
    renderForm(action, alpha);
    expect(screen.getByText('For Alpha Logistik GmbH (123456.sms)')).toBeInTheDocument();
    expect(screen.queryByLabelText('Customer name')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('License type'), 'mobile_security');
    await user.clear(screen.getByLabelText('Number of devices'));
    await user.type(screen.getByLabelText('Number of devices'), '250');
    await user.click(screen.getByRole('button', { name: 'Create license' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(action.mock.calls[0]![1].entries())).toEqual({
      customerMode: 'existing',
      customerId: alpha.id,
      type: 'mobile_security',
      deviceCount: '250',
      validFrom: '2026-11-23',
      validUntil: '2027-11-23',
    });
  });

  test('for a new customer: asks name and contact email; field errors are linked and focused, input is kept', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({
      status: 'error',
      message: 'validation.checkFields',
      fieldErrors: { validUntil: ['customers.validation.untilAfterFrom'] },
      values: { customerMode: 'new', customerName: 'Neu GmbH', contactEmail: 'it@neu.example', type: 'mdm', deviceCount: '10', validFrom: '2026-11-23', validUntil: '2026-11-01' },
    }));
    const user = userEvent.setup();
    renderForm(action, null);
    await user.type(screen.getByLabelText('Customer name'), 'Neu GmbH');
    await user.type(screen.getByLabelText('Contact email'), 'it@neu.example');
    expect(screen.getByLabelText('Contact email')).toHaveAccessibleDescription(/new six-digit tenant domain/);
    await user.click(screen.getByRole('button', { name: 'Create license' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const data = action.mock.calls[0]![1];
    expect(data.get('customerMode')).toBe('new');
    expect(data.has('customerId')).toBe(false);

    const until = await screen.findByLabelText(/Valid until/);
    await waitFor(() => expect(until).toHaveFocus());
    expect(until).toHaveAttribute('aria-invalid', 'true');
    expect(until).toHaveAccessibleDescription(/The end date must be after the start date\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
    expect(screen.getByLabelText('Customer name')).toHaveValue('Neu GmbH');
    expect(until).toHaveValue('2026-11-01');
  });
});
