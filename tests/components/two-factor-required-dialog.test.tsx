import { fireEvent, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import userEvent from '@testing-library/user-event';
import { TwoFactorRequiredDialog, type TwoFactorRequiredDialogProps } from '@/app/_components/two-factor-required-dialog';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { MESSAGES } from '@/messages';
import { renderWithIntl } from './intl-test-utils';

function IntlForServer({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}

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

  it('after a sign-in through the Reseller Portal: its two-factor page, then a form to log in there again (issue 15)', async () => {
    const user = userEvent.setup();
    const signInAgain = jest.fn(async () => undefined);
    renderDialog({ isRspLinked: true, resellerPortalUrl: 'https://rsp.example.test/two-factor', resellerPortalSignInAction: signInAgain });
    expect(screen.getByRole('link', { name: 'Open the Reseller Portal' })).toHaveAttribute('href', 'https://rsp.example.test/two-factor');
    expect(screen.getByText(/active in the Reseller Portal now\? Then log in again/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log in with your Reseller Portal account' }));
    expect(signInAgain).toHaveBeenCalledTimes(1);
  });

  it('a password sign-in of an RSP-linked account has no such form', () => {
    renderDialog({ isRspLinked: true, resellerPortalUrl: 'https://rsp.example.test/' });
    expect(screen.queryByRole('button', { name: 'Log in with your Reseller Portal account' })).not.toBeInTheDocument();
  });

  it('before the deadline it is a warning with the date and Remind me later; after it there is no such button', () => {
    const { unmount } = renderDialog({ deadline: '2030-01-31T00:00:00.000Z' });
    expect(screen.getByText(/From January 31, 2030/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remind me later' })).toBeInTheDocument();
    unmount();
    renderDialog();
    expect(screen.queryByRole('button', { name: 'Remind me later' })).not.toBeInTheDocument();
  });

  it('"Back to login" is a link (it works without JavaScript); closing the modal (Escape) goes there too', () => {
    renderDialog();
    expect(screen.getByRole('link', { name: 'Back to login' })).toHaveAttribute('href', '/login');
    fireEvent(screen.getByRole('dialog'), new Event('close'));
    expect(push).toHaveBeenCalledWith('/login');
  });

  it('the server renders it open, with every button a form: nothing waits for JavaScript (issue 9)', () => {
    const html = renderToString(
      <IntlForServer>
        <TwoFactorRequiredDialog
          isRspLinked={false}
          deadline="2030-01-31T00:00:00.000Z"
          enableAction={async () => undefined}
          remindLaterAction={async () => undefined}
          sendActivationEmailAction={async () => ({ status: 'idle' as const })}
          backHref="/login"
        />
      </IntlForServer>,
    );
    expect(html).toMatch(/<dialog[^>]* open=""/);
    expect(html.match(/<form/g)).toHaveLength(3);
    expect(html).toContain('href="/login"');
  });

  it('after an administrator reset it says why, whatever the role', () => {
    renderDialog({ isReset: true });
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(/An administrator reset the two-factor authentication of your account/);
  });
});
