import { screen, within } from '@testing-library/react';
import { DevMailboxList } from '@/app/dev/mailbox/_components/dev-mailbox-list';
import { DevMailboxMessageView } from '@/app/dev/mailbox/_components/dev-mailbox-message-view';
import { renderWithIntl } from './intl-test-utils';

const message = {
  id: '6f1c1e1a-1111-4111-8111-111111111111',
  to: 'anna@example.test',
  subject: 'Reset your password',
  createdAt: new Date('2026-11-23T10:00:00Z'),
  status: 'sent',
  text: 'Hello anna,\n\nChoose a new password https://portal.test/reset-password/tok',
  html: '<html><body><a href="https://portal.test/reset-password/tok">Choose</a></body></html>',
};

describe('development mailbox', () => {
  it('lists each email with recipient, subject as a link to it, time and status', () => {
    renderWithIntl(<DevMailboxList entries={[message, { ...message, id: '2', to: 'ben@example.test', status: 'sending' }]} />);
    const rows = screen.getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Time', 'To', 'Subject', 'Status']);
    expect(within(rows[1]!).getByRole('link', { name: 'Reset your password' })).toHaveAttribute('href', `/dev/mailbox/${message.id}`);
    expect(rows[1]).toHaveTextContent('anna@example.test');
    expect(rows[2]).toHaveTextContent('sending');
  });

  it('says so when there is no email yet, in German too', () => {
    renderWithIntl(<DevMailboxList entries={[]} />, { locale: 'de' });
    expect(screen.getByText('Noch keine E-Mails.')).toBeInTheDocument();
  });

  it('shows one email as plain text and as a sandboxed frame of its HTML, never inline', () => {
    const { container } = renderWithIntl(<DevMailboxMessageView message={message} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeInTheDocument();
    expect(container.querySelector('pre')).toHaveTextContent('https://portal.test/reset-password/tok');
    const frame = screen.getByTitle('Rendered email: Reset your password');
    expect(frame).toHaveAttribute('srcdoc', message.html);
    // No allow-scripts, no allow-same-origin: the email cannot run code or reach the portal.
    expect(frame.getAttribute('sandbox')).not.toMatch(/allow-scripts|allow-same-origin/);
    expect(screen.getByRole('link', { name: 'Open the rendered email on its own' })).toHaveAttribute('href', `/dev/mailbox/${message.id}/html`);
    // The email's markup lives only inside the frame's document, never in the page itself.
    expect(container.querySelectorAll('a[href="https://portal.test/reset-password/tok"]')).toHaveLength(0);
  });
});
