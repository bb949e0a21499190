import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateLicenseDialog, type CreateLicenseField } from '@/app/tenant/[tenantDomain]/customers/_components/create-license-dialog';
import type { FormState } from '@/lib/forms/form-state';
import { renderWithIntl } from './intl-test-utils';

const customers = [{ id: '11111111-1111-4111-8111-111111111111', name: 'Alpha Logistik GmbH', tenantDomain: '123456.sms' }];
type Action = (state: FormState<CreateLicenseField>, formData: FormData) => Promise<FormState<CreateLicenseField>>;

function renderDialog(action: Action) {
  return renderWithIntl(<CreateLicenseDialog action={action} customers={customers} today="2026-11-23" defaultValidUntil="2027-11-23" />);
}

describe('CreateLicenseDialog', () => {
  test('opens as a labelled dialog with focus on its title; Escape closes it and returns focus', async () => {
    const user = userEvent.setup();
    renderDialog(jest.fn());
    const opener = screen.getByRole('button', { name: 'Create license' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Create license' });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Create license' })).toHaveFocus());
    expect(dialog).toContainElement(screen.getByLabelText('Valid from (00:00 UTC)'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  test('submits an existing customer with type, device count and dates', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({ status: 'success', message: 'customers.messages.licenseCreated' }));
    const user = userEvent.setup();
    renderDialog(action);
    await user.click(screen.getByRole('button', { name: 'Create license' }));
    await user.selectOptions(screen.getByLabelText('Customer', { selector: 'select' }), customers[0]!.id);
    await user.selectOptions(screen.getByLabelText('License type'), 'mobile_security');
    await user.clear(screen.getByLabelText('Number of devices'));
    await user.type(screen.getByLabelText('Number of devices'), '250');
    await user.click(screen.getAllByRole('button', { name: 'Create license' }).at(-1)!);
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const data = Object.fromEntries(action.mock.calls[0]![1].entries());
    expect(data).toEqual({
      customerMode: 'existing',
      customerId: customers[0]!.id,
      type: 'mobile_security',
      deviceCount: '250',
      validFrom: '2026-11-23',
      validUntil: '2027-11-23',
    });
    expect(await screen.findByText('The license was created.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  test('a new customer asks for name and contact email; field errors are linked and focused', async () => {
    const action = jest.fn<ReturnType<Action>, Parameters<Action>>(async () => ({
      status: 'error',
      message: 'validation.checkFields',
      fieldErrors: { validUntil: ['customers.validation.untilAfterFrom'] },
      values: { customerMode: 'new', customerName: 'Neu GmbH', contactEmail: 'it@neu.example', validFrom: '2026-11-23', validUntil: '2026-11-01' },
    }));
    const user = userEvent.setup();
    renderDialog(action);
    await user.click(screen.getByRole('button', { name: 'Create license' }));
    await user.click(screen.getByLabelText('New customer'));
    await user.type(screen.getByLabelText('Customer name'), 'Neu GmbH');
    await user.type(screen.getByLabelText('Contact email'), 'it@neu.example');
    await user.click(screen.getAllByRole('button', { name: 'Create license' }).at(-1)!);
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
  });
});
