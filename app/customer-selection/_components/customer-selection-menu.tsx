'use client';

import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/app/_components/submit-button';
import { CustomerSelection } from './customer-selection';

type CustomerSelectionMenuProps = {
  searchUrl: string;
  /** The customer selection page, where the search goes without JavaScript. */
  pageUrl: string;
  selectAction: (formData: FormData) => Promise<void>;
};

/**
 * The header's one customer switcher (resellers): a native disclosure. Without JavaScript it holds
 * a search form that leads to the customer selection with the matches; with it, opening loads the
 * live list, and Escape closes it again. Either way it ends with a link to the full selection.
 */
export function CustomerSelectionMenu({ searchUrl, pageUrl, selectAction }: CustomerSelectionMenuProps) {
  const t = useTranslations('customerSelection');
  const [isOpen, setIsOpen] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !detailsRef.current?.open) return;
    detailsRef.current.open = false;
    detailsRef.current.querySelector('summary')?.focus();
  }

  return (
    <details ref={detailsRef} className="customer-selection-menu menu-button" onToggle={(event) => setIsOpen(event.currentTarget.open)} onKeyDown={closeOnEscape}>
      <summary className="button button--secondary">{t('header.quickSwitch')}</summary>
      <div className="customer-selection-menu__panel card">
        {/* Mounted on opening, so a page view costs no search request. */}
        {isOpen ? (
          <CustomerSelection searchUrl={searchUrl} pageUrl={pageUrl} selectAction={selectAction} autoFocus debounceMs={150} />
        ) : (
          <form method="get" action={pageUrl} role="search" className="customer-selection__search">
            <label htmlFor="customer-selection-menu-q" className="field__label">{t('searchLabel')}</label>
            <div className="customer-selection__search-row">
              <input id="customer-selection-menu-q" name="q" type="search" className="input" autoComplete="off" />
              <SubmitButton variant="secondary">{t('search')}</SubmitButton>
            </div>
          </form>
        )}
        <p className="customer-selection-menu__all">
          <a href={pageUrl}>{t('header.openSelection')}</a>
        </p>
      </div>
    </details>
  );
}
