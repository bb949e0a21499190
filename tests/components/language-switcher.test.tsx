import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageSwitcher } from '@/app/_components/language-switcher';
import { renderWithIntl } from './intl-test-utils';

jest.mock('next/navigation', () => ({ usePathname: () => '/somewhere' }));

describe('LanguageSwitcher', () => {
  it('is one plain form per language, each language named in itself; the current one is marked', () => {
    renderWithIntl(<LanguageSwitcher returnTo="/login" action={jest.fn()} />, { locale: 'de' });
    const list = screen.getByRole('list', { name: 'Sprache' });
    const english = screen.getByRole('button', { name: 'English' });
    const deutsch = screen.getByRole('button', { name: 'Deutsch' });
    expect(list).toContainElement(english);
    expect(english).toHaveAttribute('lang', 'en');
    expect(deutsch).toHaveAttribute('aria-current', 'true');
    expect(english).not.toHaveAttribute('aria-current');
    expect(english.closest('form')).not.toBe(deutsch.closest('form'));
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('posts the chosen language and the given page to return to', async () => {
    const setLocale = jest.fn<Promise<void>, [FormData]>(async () => {});
    const user = userEvent.setup();
    renderWithIntl(<LanguageSwitcher returnTo="/login?returnTo=%2Fsecurity" action={setLocale} />);
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    await waitFor(() => expect(setLocale).toHaveBeenCalledTimes(1));
    const formData = setLocale.mock.calls[0]![0];
    expect(formData.get('locale')).toBe('de');
    expect(formData.get('returnTo')).toBe('/login?returnTo=%2Fsecurity');
  });

  it('returns to the current page when no page is given (shared layouts)', async () => {
    const setLocale = jest.fn<Promise<void>, [FormData]>(async () => {});
    const user = userEvent.setup();
    renderWithIntl(<LanguageSwitcher action={setLocale} appearance="menu" />);
    await user.click(screen.getByRole('button', { name: 'Deutsch' }));
    await waitFor(() => expect(setLocale).toHaveBeenCalledTimes(1));
    expect(setLocale.mock.calls[0]![0].get('returnTo')).toBe('/somewhere');
  });
});
