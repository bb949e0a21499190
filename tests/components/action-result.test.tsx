import { screen } from '@testing-library/react';
import { ActionResult } from '@/app/_components/action-result';
import { renderWithIntl } from './intl-test-utils';

describe('ActionResult', () => {
  it('keeps both live regions in the page even without a message, so a later answer is announced', () => {
    renderWithIntl(<ActionResult message={null} />);
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(document.activeElement).toBe(document.body);
  });

  it('announces a success politely and a failure at once, and moves the focus to each new answer', () => {
    const { rerender } = renderWithIntl(<ActionResult message={{ status: 'success', text: 'Two-factor for new.admin is reset.', key: 'done:twoFactorReset:u1:1' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Two-factor for new.admin is reset.');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    const region = screen.getByRole('status').parentElement!;
    expect(region).toHaveFocus();

    region.blur();
    rerender(<ActionResult message={{ status: 'error', text: 'The last active administrator of a tenant cannot be demoted or disabled.', key: 'failed:last_admin:u1:2' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('cannot be demoted or disabled');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(region).toHaveFocus();
  });
});
