import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RequestIdProvider } from '@/app/_components/request-id-context';
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
    expect(screen.getByText('abc123')).toHaveAttribute('id', 'request-reference');
    expect(screen.getByText(/quote the reference/)).toBeInTheDocument();
    expect(screen.queryByText(/hidden detail/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("shows the id of the page's own request when that request failed", () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const error = Object.assign(new Error('hidden detail'), { digest: 'abc123' });
    // The root layout passes the document's X-Request-Id; Next renders the error page in the same first render.
    renderWithIntl(
      <RequestIdProvider requestId="req-7f3a9c21">
        <ErrorPage error={error} retry={jest.fn()} />
      </RequestIdProvider>,
    );
    expect(screen.getByText('req-7f3a9c21')).toHaveAttribute('id', 'request-reference');
    expect(screen.queryByText(/abc123/)).not.toBeInTheDocument();
  });

  it('shows the digest for an error of a later navigation, not the id of the first request', () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const error = Object.assign(new Error('hidden detail'), { digest: 'abc123' });
    const { rerender } = renderWithIntl(
      <RequestIdProvider requestId="req-7f3a9c21">
        <p>page</p>
      </RequestIdProvider>,
    );
    rerender(
      <RequestIdProvider requestId="req-7f3a9c21">
        <ErrorPage error={error} retry={jest.fn()} />
      </RequestIdProvider>,
    );
    expect(screen.getByText('abc123')).toHaveAttribute('id', 'request-reference');
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
