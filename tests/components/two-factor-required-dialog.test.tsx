import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TwoFactorRequiredDialog, type TwoFactorRequiredDialogProps } from '@/app/_components/two-factor-required-dialog';
import { renderWithIntl } from './intl-test-utils';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

// jsdom has no modal dialogs: open/close like the browser does (Chromium covers the real thing in e2e).
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});
beforeEach(() => push.mockClear());

function renderDialog(props: Partial<TwoFactorRequiredDialogProps> = {}) {
  return renderWithIntl(
    <TwoFactorRequiredDialog
      isRspLinked={false}
      enableAction={jest.fn()}
      remindLaterAction={jest.fn()}
      sendActivationEmailAction={jest.fn(async () => ({ status: 'success' as const, message: 'twoFactorDialog.emailSent' }))}
      backHref="/login"
      {...props}
    />,
  );
}

describe('TwoFactorRequiredDialog', () => {
  it('is an open modal dialog titled "Two-factor authentication required" that explains why', () => {
    renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Two-factor authentication required' });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveAccessibleDescription(/second factor/);
    expect(within(dialog).getByText(/Logging in is blocked/)).toBeInTheDocument();
  });

  it('portal-only account: Enable 2FA (focused) and Send activation email, no RSP label', async () => {
    const user = userEvent.setup();
    renderDialog();
    const enable = screen.getByRole('button', { name: 'Enable 2FA' });
    expect(enable).toHaveFocus();
    expect(screen.queryByText('RSP')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send activation email' }));
    expect(await screen.findByText(/If activation by email is available/)).toBeInTheDocument();
  });

  it('RSP-linked account: shows the RSP label and links to the Reseller Portal instead of Enable 2FA', () => {
    renderDialog({ isRspLinked: true, resellerPortalUrl: 'https://rsp.example.test/' });
    expect(screen.getByText('RSP')).toHaveClass('badge--rsp');
    expect(screen.getByRole('link', { name: 'Open the Reseller Portal' })).toHaveAttribute('href', 'https://rsp.example.test/');
    expect(screen.queryByRole('button', { name: 'Enable 2FA' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send activation email' })).not.toBeInTheDocument();
  });

  it('before the deadline it is a warning with the date and Remind me later; after it there is no such button', () => {
    const { unmount } = renderDialog({ deadline: '2030-01-31T00:00:00.000Z' });
    expect(screen.getByText(/From January 31, 2030/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remind me later' })).toBeInTheDocument();
    unmount();
    renderDialog();
    expect(screen.queryByRole('button', { name: 'Remind me later' })).not.toBeInTheDocument();
  });

  it('closing the dialog (Escape or Back to login) returns to the login page', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Back to login' }));
    expect(push).toHaveBeenCalledWith('/login');
  });
});
