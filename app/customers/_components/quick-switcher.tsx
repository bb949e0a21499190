'use client';

import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/app/_components/submit-button';
import { CustomerSwitcher } from './customer-switcher';

type QuickSwitcherProps = {
  searchUrl: string;
  /** The customer selection page, where the search goes without JavaScript. */
  pageUrl: string;
  selectAction: (formData: FormData) => Promise<void>;
};

/**
 * The header's customer menu: a native disclosure. Without JavaScript it holds a search form that
 * leads to the customer selection with the matches; with it, opening loads the live list, and
 * Escape closes it again.
 */
export function QuickSwitcher({ searchUrl, pageUrl, selectAction }: QuickSwitcherProps) {
  const t = useTranslations('switcher');
  const [isOpen, setIsOpen] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !detailsRef.current?.open) return;
    detailsRef.current.open = false;
    detailsRef.current.querySelector('summary')?.focus();
  }

  return (
    <details ref={detailsRef} className="quick-switcher" onToggle={(event) => setIsOpen(event.currentTarget.open)} onKeyDown={closeOnEscape}>
      <summary className="button button--secondary">{t('header.quickSwitch')}</summary>
      <div className="quick-switcher__panel card">
        {/* Mounted on opening, so a page view costs no search request. */}
        {isOpen ? (
          <CustomerSwitcher searchUrl={searchUrl} pageUrl={pageUrl} selectAction={selectAction} autoFocus debounceMs={150} />
        ) : (
          <form method="get" action={pageUrl} role="search" className="customer-switcher__search">
            <label htmlFor="quick-switcher-q" className="field__label">{t('searchLabel')}</label>
            <div className="customer-switcher__search-row">
              <input id="quick-switcher-q" name="q" type="search" className="input" autoComplete="off" />
              <SubmitButton variant="secondary">{t('search')}</SubmitButton>
            </div>
          </form>
        )}
      </div>
    </details>
  );
}
