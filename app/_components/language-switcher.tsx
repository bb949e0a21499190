import { useLocale, useTranslations } from 'next-intl';
import { setLocale } from '@/app/locale/actions';
import { LOCALES } from '@/lib/i18n/locales';
import { SubmitButton } from './submit-button';

type LanguageSwitcherProps = {
  /** Path of the current page; the action only follows it when it is a path on this site. */
  returnTo: string;
  /** Replaceable in tests; the portal uses the `setLocale` server action. */
  action?: (formData: FormData) => Promise<void>;
};

/**
 * Works without JavaScript and changes nothing until the button is pressed: a select that
 * submitted itself on change would move people away mid-choice (WCAG 3.2.2).
 */
export function LanguageSwitcher({ returnTo, action = setLocale }: LanguageSwitcherProps) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <form action={action} className="language-switcher">
      <label htmlFor="language-switcher-locale" className="language-switcher__label">
        {t('header.language')}
      </label>
      <select id="language-switcher-locale" name="locale" defaultValue={locale} className="select">
        {LOCALES.map((option) => (
          // Each language is named in itself, and marked so screen readers pronounce it right.
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubmitButton variant="secondary">{t('language.submit')}</SubmitButton>
    </form>
  );
}
