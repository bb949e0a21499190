import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ErrorPage from '@/app/error';
import NotFound from '@/app/not-found';
import { renderWithIntl } from './intl-test-utils';

afterEach(() => jest.restoreAllMocks());

describe('error pages', () => {
  it('shows the generic error with the request id and retries on request', async () => {
    const retry = jest.fn();
    const error = Object.assign(new Error('hidden detail'), { digest: 'abc123' });
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    renderWithIntl(<ErrorPage error={error} retry={retry} />);

    expect(screen.getByRole('heading', { level: 1, name: 'Something went wrong' })).toHaveFocus();
    expect(screen.getByText(/quote the reference abc123\./)).toBeInTheDocument();
    expect(screen.queryByText(/hidden detail/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('does without a reference when the error has none', () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    renderWithIntl(<ErrorPage error="thrown string" retry={jest.fn()} />);

    expect(screen.getByText(/contact support\.$/)).toBeInTheDocument();
  });

  it('shows the not-found page inside the main landmark', () => {
    renderWithIntl(<NotFound />);

    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
  });
});
