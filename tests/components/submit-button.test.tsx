import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SubmitButton } from '@/app/_components/submit-button';
import { renderWithIntl } from './intl-test-utils';

/** A form action that stays pending until the test lets it finish. */
function deferredAction() {
  const calls: FormData[] = [];
  let finish: () => void = () => undefined;
  const action = (formData: FormData) => {
    calls.push(formData);
    return new Promise<void>((resolve) => {
      finish = resolve;
    });
  };
  return { action, calls, finish: () => finish() };
}

describe('SubmitButton', () => {
  it('says what is happening while the form is sent, ignores a second click, and comes back afterwards', async () => {
    const user = userEvent.setup();
    const { action, calls, finish } = deferredAction();
    renderWithIntl(
      <form action={action}>
        <SubmitButton pendingLabel="Signing in…">Log in</SubmitButton>
      </form>,
    );

    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const pending = await screen.findByRole('button', { name: 'Signing in…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveAttribute('aria-busy', 'true');
    // Still focusable (not `disabled`), so Enter does not lose the person's place.
    expect(pending).not.toBeDisabled();

    await user.click(pending);
    expect(calls).toHaveLength(1);

    await act(async () => finish());
    expect(await screen.findByRole('button', { name: 'Log in' })).not.toHaveAttribute('aria-disabled');
  });

  it('falls back to "Sending…" in English and "Wird gesendet …" in German', async () => {
    const user = userEvent.setup();
    const first = deferredAction();
    const { unmount } = renderWithIntl(
      <form action={first.action}>
        <SubmitButton>Send</SubmitButton>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('button', { name: 'Sending…' })).toBeInTheDocument();
    await act(async () => first.finish());
    unmount();

    const second = deferredAction();
    renderWithIntl(
      <form action={second.action}>
        <SubmitButton>Senden</SubmitButton>
      </form>,
      { locale: 'de' },
    );
    await user.click(screen.getByRole('button', { name: 'Senden' }));
    expect(await screen.findByRole('button', { name: 'Wird gesendet …' })).toBeInTheDocument();
    await act(async () => second.finish());
  });

  it('renders the chosen look and keeps name and value for forms with several buttons', () => {
    renderWithIntl(
      <form>
        <SubmitButton variant="danger" name="intent" value="revoke">
          Revoke
        </SubmitButton>
      </form>,
    );
    const button = screen.getByRole('button', { name: 'Revoke' });
    expect(button).toHaveClass('button', 'button--danger');
    expect(button).toHaveAttribute('type', 'submit');
    expect(button).toHaveAttribute('name', 'intent');
    expect(button).toHaveAttribute('value', 'revoke');
  });
});
