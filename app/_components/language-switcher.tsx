import { useLocale, useTranslations } from 'next-intl';
import { setLocale } from '@/app/locale/actions';
import { LOCALES } from '@/lib/i18n/locales';
import { CurrentPathInput } from './current-path-input';

type LanguageSwitcherProps = {
  /**
   * Where to return after the switch; the action only follows it when it is a path on this site.
   * Default: the current page's path.
   */
  returnTo?: string;
  /** Replaceable in tests; the portal uses the `setLocale` server action. */
  action?: (formData: FormData) => Promise<void>;
  /** `buttons`: a row of small buttons (sign-in pages); `menu`: rows of the user menu. */
  appearance?: 'buttons' | 'menu';
};

/**
 * One plain form per language ("English", "Deutsch"): pressing one changes the language at once,
 * with or without JavaScript; there is nothing to choose first and confirm after. The current
 * language is marked (aria-current) and stays pressable (it changes nothing).
 */
export function LanguageSwitcher({ returnTo, action = setLocale, appearance = 'buttons' }: LanguageSwitcherProps) {
  const t = useTranslations();
  const locale = useLocale();
  const itemClass = appearance === 'menu' ? 'menu-panel__item' : 'button button--secondary';
  return (
    <ul className={appearance === 'menu' ? 'menu-panel__list' : 'language-switcher'} aria-label={t('header.language')}>
      {LOCALES.map((option) => (
        <li key={option}>
          <form action={action}>
            <input type="hidden" name="locale" value={option} />
            {returnTo === undefined ? <CurrentPathInput /> : <input type="hidden" name="returnTo" value={returnTo} />}
            {/* Each language is named in itself, and marked so screen readers pronounce it right. */}
            <button type="submit" className={itemClass} lang={option} aria-current={option === locale ? 'true' : undefined}>
              {t(`language.${option}`)}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
