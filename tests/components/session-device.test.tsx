import { screen } from '@testing-library/react';
import { SessionDevice, SessionTime } from '@/app/security/_components/session-device';
import { renderWithIntl } from './intl-test-utils';

const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('SessionDevice', () => {
  it('names browser, major version and system, keeping the raw string as title', () => {
    renderWithIntl(<SessionDevice userAgent={CHROME_LINUX} />);
    expect(screen.getByText('Chrome 142 on Linux')).toHaveAttribute('title', CHROME_LINUX);
  });

  it('speaks German', () => {
    renderWithIntl(<SessionDevice userAgent={FIREFOX_WINDOWS} />, { locale: 'de' });
    expect(screen.getByText('Firefox 133 unter Windows 10')).toBeInTheDocument();
  });

  it('says so when the browser is unknown or was not recorded', () => {
    renderWithIntl(<SessionDevice userAgent="curl/8.5.0" />);
    renderWithIntl(<SessionDevice userAgent={null} />, { locale: 'de' });
    expect(screen.getByText('Unknown browser')).toHaveAttribute('title', 'curl/8.5.0');
    expect(screen.getByText('Unbekannter Browser')).toBeInTheDocument();
  });
});

describe('SessionTime', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const twoHoursAgo = new Date('2026-11-26T10:00:00Z');

  it('shows a relative time with the exact UTC time in datetime and title', () => {
    renderWithIntl(<SessionTime date={twoHoursAgo} now={now} />);
    const time = screen.getByText('2 hours ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2026-11-26T10:00:00.000Z');
    expect(time.getAttribute('title')).toMatch(/Nov 26, 2026.*10:00.*UTC/);
  });

  it('speaks German', () => {
    renderWithIntl(<SessionTime date={twoHoursAgo} now={now} />, { locale: 'de' });
    expect(screen.getByText('vor 2 Stunden')).toBeInTheDocument();
  });
});
