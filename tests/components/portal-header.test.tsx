import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PortalHeader } from '@/app/_components/portal-header';
import { renderWithIntl } from './intl-test-utils';

// The header's language forms fall back to the current path (CurrentPathInput reads it).
jest.mock('next/navigation', () => ({ usePathname: () => '/tenant/123456.sms/users' }));

const customerAdmin = { username: 'alice', tenantName: 'Alpha Logistik GmbH', tenantDomain: '123456.sms' };
const resellerActing = { username: 'reseller.admin', tenantName: 'Alpha Logistik GmbH', tenantDomain: '123456.sms', resellerName: 'Demo Reseller GmbH' };

/** The user menu's panel (a popover: jsdom keeps it in the DOM, the browser shows it on demand). */
function userMenu(): HTMLElement {
  return screen.getByRole('group', { name: 'Account' });
}

describe('PortalHeader', () => {
  it('shows the brand mark and the product name, linked to the start page', () => {
    renderWithIntl(<PortalHeader {...customerAdmin} />);
    const brand = within(screen.getByRole('banner')).getByRole('link', { name: 'Mobile Security Portal' });
    expect(brand).toHaveAttribute('href', '/');
    // The mark is decorative: the name next to it is the link's name.
    expect(within(brand).getByTestId('brand-mark')).toHaveAttribute('aria-hidden', 'true');
  });

  it('a customer admin’s context chip names the tenant, its domain and the person', () => {
    renderWithIntl(<PortalHeader {...customerAdmin} />);
    expect(screen.getByText(/· alice$/).closest('p')).toHaveTextContent('Alpha Logistik GmbH (123456.sms) · alice');
    expect(screen.queryByText(/you act as/)).not.toBeInTheDocument();
  });

  it('a reseller acting for a customer is told so: "<customer> · you act as <user> of <reseller>", never as one of the customer’s users', () => {
    renderWithIntl(<PortalHeader {...resellerActing} customerSwitcher={<button type="button">Switch customer</button>} />);
    const chip = screen.getByText(/you act as/).closest('p')!;
    expect(chip).toHaveTextContent('Alpha Logistik GmbH · you act as reseller.admin of Demo Reseller GmbH');
    expect(chip).toHaveClass('context-chip--acting');
    // The account menu names the reseller as the person's own tenant.
    expect(within(userMenu()).getByText('Signed in as reseller.admin · Demo Reseller GmbH')).toBeInTheDocument();
    // One customer switcher, no second "Back to customer selection" control.
    expect(screen.getAllByRole('button', { name: 'Switch customer' })).toHaveLength(1);
    expect(screen.queryByText('Back to customer selection')).not.toBeInTheDocument();
  });

  it('in German', () => {
    renderWithIntl(<PortalHeader {...resellerActing} />, { locale: 'de' });
    expect(screen.getByText(/Sie handeln als/).closest('p')).toHaveTextContent('Alpha Logistik GmbH · Sie handeln als reseller.admin von Demo Reseller GmbH');
    expect(screen.getByRole('button', { name: 'Konto' })).toBeInTheDocument();
  });

  it('has a user menu in a native popover: Security, the two languages, Log out', () => {
    renderWithIntl(<PortalHeader {...customerAdmin} />);
    const toggle = screen.getByRole('button', { name: 'Account' });
    const menu = userMenu();
    // HTML opens and closes it (popovertarget), so it works without JavaScript.
    expect(menu).toHaveAttribute('popover', 'auto');
    expect(toggle).toHaveAttribute('popovertarget', menu.id);
    expect(within(menu).getByRole('link', { name: 'Security' })).toHaveAttribute('href', '/security');
    expect(within(menu).getByRole('button', { name: 'English' })).toBeInTheDocument();
    expect(within(menu).getByRole('button', { name: 'Deutsch' })).toBeInTheDocument();
    expect(within(menu).getByRole('button', { name: 'Log out' })).toBeInTheDocument();
    // No select-and-apply any more.
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Apply' })).not.toBeInTheDocument();
  });

  it('switches the language with one press of a plain form, back to the current page', async () => {
    const setLocale = jest.fn<Promise<void>, [FormData]>(async () => {});
    const user = userEvent.setup();
    renderWithIntl(<PortalHeader {...customerAdmin} languageAction={setLocale} />);
    const menu = userMenu();
    expect(within(menu).getByRole('button', { name: 'English' })).toHaveAttribute('aria-current', 'true');
    const deutsch = within(menu).getByRole('button', { name: 'Deutsch' });
    expect(deutsch).not.toHaveAttribute('aria-current');
    expect(deutsch).toHaveAttribute('lang', 'de');

    await user.click(deutsch);

    await waitFor(() => expect(setLocale).toHaveBeenCalledTimes(1));
    const formData = setLocale.mock.calls[0]![0];
    expect(formData.get('locale')).toBe('de');
    expect(formData.get('returnTo')).toBe('/tenant/123456.sms/users');
  });

  it('logs out with a form POST to /logout (not a link), which works without JavaScript; a second press is ignored', async () => {
    const user = userEvent.setup();
    renderWithIntl(<PortalHeader {...customerAdmin} />);

    expect(screen.queryByRole('link', { name: 'Log out' })).not.toBeInTheDocument();
    const button = within(userMenu()).getByRole('button', { name: 'Log out' });
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
});
