import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageSwitcher } from '@/app/_components/language-switcher';
import { PortalHeader } from '@/app/_components/portal-header';
import { renderWithIntl } from './intl-test-utils';

describe('PortalHeader', () => {
  it('names the product and who is signed in for which tenant', () => {
    renderWithIntl(
      <PortalHeader username="alice" tenantName="Acme GmbH" tenantDomain="123456.sms" />,
    );

    expect(screen.getByRole('banner')).toHaveTextContent('Mobile Security Portal');
    expect(screen.getByText('Signed in as alice · Acme GmbH (123456.sms)')).toBeInTheDocument();
  });

  it('logs out with a form POST to /logout (not a link), which works without JavaScript; a second press is ignored', async () => {
    const user = userEvent.setup();
    renderWithIntl(<PortalHeader username="alice" tenantName="Acme GmbH" tenantDomain="123456.sms" />);

    expect(screen.queryByRole('link', { name: 'Log out' })).not.toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Log out' });
    const form = button.closest('form')!;
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('action', '/logout');
    // jsdom does not navigate; count the submissions that would reach the server (seen on the
    // document, after React's own handler at the root).
    const submissions: boolean[] = [];
    const count = (event: Event) => {
      submissions.push(!event.defaultPrevented);
      event.preventDefault();
    };
    document.addEventListener('submit', count);
    await user.click(button);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Logging out…' })).toHaveAttribute('aria-disabled', 'true'));
    await user.click(screen.getByRole('button', { name: 'Logging out…' }));
    document.removeEventListener('submit', count);
    expect(submissions).toEqual([true, false]);
  });

  it('shows the language switcher it is given', async () => {
    const setLocale = jest.fn<Promise<void>, [FormData]>(async () => {});
    const user = userEvent.setup();
    renderWithIntl(
      <PortalHeader
        username="alice"
        tenantName="Acme GmbH"
        tenantDomain="123456.sms"
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
  it('shows "<customer> (via <reseller>)", the customer selection menu and the way back to customer selection', () => {
    renderWithIntl(
      <PortalHeader
        username="reseller.admin"
        tenantName="Alpha Logistik GmbH"
        tenantDomain="123456.sms"
        resellerName="Demo Reseller GmbH"
        customerSelectionMenu={<button type="button">Switch customer</button>}
        customerSelectionHref="/customer-selection"
      />,
    );
    expect(screen.getByText('Alpha Logistik GmbH (via Demo Reseller GmbH)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to customer selection' })).toHaveAttribute('href', '/customer-selection');
    expect(screen.getByRole('button', { name: 'Switch customer' })).toBeInTheDocument();
  });
});
