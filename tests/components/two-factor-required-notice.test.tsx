import { screen } from '@testing-library/react';
import { TwoFactorRequiredNotice } from '@/app/_components/two-factor-required-notice';
import { renderWithIntl } from './intl-test-utils';

describe('TwoFactorRequiredNotice', () => {
  it('tells an RSP-linked administrator to activate two-factor authentication in the Reseller Portal', () => {
    renderWithIntl(
      <TwoFactorRequiredNotice isRspLinked resellerPortalUrl="https://rsp.example.test/" backHref="/login" />,
    );

    expect(screen.getByRole('heading', { level: 1, name: 'Two-factor authentication required' })).toBeInTheDocument();
    expect(screen.getByText(/Logging in is blocked until it is activated/)).toBeInTheDocument();
    expect(screen.getByText('RSP')).toHaveClass('badge');
    expect(screen.getByText(/Activate two-factor authentication there/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the Reseller Portal' })).toHaveAttribute(
      'href',
      'https://rsp.example.test/',
    );
    expect(screen.queryByText(/password reset email/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to login' })).toHaveAttribute('href', '/login');
  });

  it('leaves out the Reseller Portal link when no address is configured', () => {
    renderWithIntl(<TwoFactorRequiredNotice isRspLinked backHref="/login" />);

    expect(screen.getByText('RSP')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open the Reseller Portal' })).not.toBeInTheDocument();
  });

  it('tells a portal-only administrator to activate it from the login screen or the reset email', () => {
    renderWithIntl(<TwoFactorRequiredNotice isRspLinked={false} backHref="/login" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Two-factor authentication required' })).toBeInTheDocument();
    expect(screen.getByText(/from the login screen or with the link in the password reset email/)).toBeInTheDocument();
    expect(screen.queryByText('RSP')).not.toBeInTheDocument();
    expect(screen.queryByText(/Reseller Portal/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to login' })).toBeInTheDocument();
  });
});
