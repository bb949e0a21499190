import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageSwitcher } from '@/app/_components/language-switcher';
import { PortalHeader } from '@/app/_components/portal-header';
import { renderWithIntl } from './intl-test-utils';

describe('PortalHeader', () => {
  it('names the product and who is signed in for which tenant', () => {
    renderWithIntl(
      <PortalHeader username="alice" tenantName="Acme GmbH" tenantDomain="123456.sms" logoutAction={jest.fn()} />,
    );

    expect(screen.getByRole('banner')).toHaveTextContent('Mobile Security Portal');
    expect(screen.getByText('Signed in as alice · Acme GmbH (123456.sms)')).toBeInTheDocument();
  });

  it('logs out with a form submission (POST), not a link', async () => {
    const logoutAction = jest.fn(async () => {});
    const user = userEvent.setup();
    renderWithIntl(
      <PortalHeader username="alice" tenantName="Acme GmbH" tenantDomain="123456.sms" logoutAction={logoutAction} />,
    );

    expect(screen.queryByRole('link', { name: 'Log out' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log out' }));

    await waitFor(() => expect(logoutAction).toHaveBeenCalledTimes(1));
  });

  it('shows the language switcher it is given', async () => {
    const setLocale = jest.fn<Promise<void>, [FormData]>(async () => {});
    const user = userEvent.setup();
    renderWithIntl(
      <PortalHeader
        username="alice"
        tenantName="Acme GmbH"
        tenantDomain="123456.sms"
        logoutAction={jest.fn()}
        localeSwitcher={<LanguageSwitcher returnTo="/tenant/123456.sms" action={setLocale} />}
      />,
    );

    const language = screen.getByLabelText('Language');
    expect(language).toHaveValue('en');
    await user.selectOptions(language, 'Deutsch');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(setLocale).toHaveBeenCalledTimes(1));
    const formData = setLocale.mock.calls[0]![0];
    expect(formData.get('locale')).toBe('de');
    expect(formData.get('returnTo')).toBe('/tenant/123456.sms');
  });
});

describe('PortalHeader for a reseller acting in a customer tenant', () => {
  it('shows "<customer> (via <reseller>)", the quick switcher and the way back to customer selection', () => {
    renderWithIntl(
      <PortalHeader
        username="reseller.admin"
        tenantName="Alpha Logistik GmbH"
        tenantDomain="123456.sms"
        logoutAction={jest.fn()}
        resellerName="Demo Reseller GmbH"
        quickSwitcher={<button type="button">Switch customer</button>}
        customerSelectionHref="/customers"
      />,
    );
    expect(screen.getByText('Alpha Logistik GmbH (via Demo Reseller GmbH)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to customer selection' })).toHaveAttribute('href', '/customers');
    expect(screen.getByRole('button', { name: 'Switch customer' })).toBeInTheDocument();
  });
});
