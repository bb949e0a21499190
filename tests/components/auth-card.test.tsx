import { screen } from '@testing-library/react';
import { AuthCard } from '@/app/_components/auth-card';
import { renderWithIntl } from './intl-test-utils';

describe('AuthCard', () => {
  it('shows the brand mark with the product name, the title and the language switch of plain forms', () => {
    renderWithIntl(
      <AuthCard title="Log in" returnTo="/login">
        <p>form</p>
      </AuthCard>,
    );
    const brand = screen.getByText('Mobile Security Portal').closest('p')!;
    expect(brand.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    const deutsch = screen.getByRole('button', { name: 'Deutsch' });
    expect(deutsch.closest('form')!.querySelector('input[name="returnTo"]')).toHaveValue('/login');
  });

  it('names the account a link is about, under the brand', () => {
    renderWithIntl(
      <AuthCard title="Reset your password" account="new.admin@123456.sms" returnTo="/reset-password/x">
        <p>form</p>
      </AuthCard>,
    );
    expect(screen.getByText('new.admin@123456.sms')).toHaveClass('auth-product');
  });
});
