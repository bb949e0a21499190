import { screen, within } from '@testing-library/react';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { renderWithIntl } from './intl-test-utils';

// Both are plain HTML at work: the menu is a native popover, the confirmation a native
// disclosure with a real submit button, so they work before (and without) hydration.

function renderMenu() {
  const action = jest.fn(async () => {});
  renderWithIntl(
    <table>
      <tbody>
        <tr>
          <td>
            <RowActionsMenu id="user-actions-u1" label="Actions" targetName="new.admin" title="Actions for new.admin" closeLabel="Close">
              <li>
                <ConfirmAction action={action} hiddenFields={{ userId: 'u1' }} summary="Reset two-factor" question="Reset two-factor for new.admin?" confirmLabel="Yes, reset two-factor" isDestructive />
              </li>
              <li>
                <ConfirmAction action={action} hiddenFields={{ userId: 'u1' }} summary="Send password reset" question="Send new.admin a link?" confirmLabel="Yes, send the email" />
              </li>
            </RowActionsMenu>
          </td>
        </tr>
      </tbody>
    </table>,
  );
  return { action };
}

describe('RowActionsMenu and ConfirmAction', () => {
  it('open the menu with HTML alone: the button targets a popover named after the row', () => {
    renderMenu();
    const opener = screen.getByRole('button', { name: 'Actions (new.admin)' });
    expect(opener).toHaveAttribute('type', 'button');
    const menu = document.getElementById(opener.getAttribute('popovertarget')!)!;
    expect(menu).toHaveAttribute('popover', 'auto');
    expect(menu).toHaveAttribute('role', 'group');
    expect(menu).toHaveAccessibleName('Actions for new.admin');
    expect(within(menu).getByRole('button', { name: 'Close' })).toHaveAttribute('popovertargetaction', 'hide');
  });

  it('ask first in a closed disclosure that names action and target; the confirm button submits the form', () => {
    renderMenu();
    const summary = screen.getByText('Reset two-factor');
    const details = summary.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getByText('Reset two-factor for new.admin?')).toBeInTheDocument();
    const confirm = within(details).getByRole('button', { name: 'Yes, reset two-factor', hidden: true });
    expect(confirm).toHaveAttribute('type', 'submit');
    expect(confirm).toHaveClass('button--danger');
    const form = confirm.closest('form')!;
    expect(Object.fromEntries(new FormData(form))).toMatchObject({ userId: 'u1' });
  });

  it('make only destructive actions look destructive', () => {
    renderMenu();
    expect(screen.getByText('Reset two-factor').closest('details')).toHaveClass('confirm-action--danger');
    expect(screen.getByText('Send password reset').closest('details')).not.toHaveClass('confirm-action--danger');
    expect(screen.getByRole('button', { name: 'Yes, send the email', hidden: true })).toHaveClass('button--primary');
  });
});
