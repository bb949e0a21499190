'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { CustomerSwitcher } from './customer-switcher';

type QuickSwitcherProps = {
  searchUrl: string;
  selectAction: (formData: FormData) => Promise<void>;
};

/** The header's menu of the customer selection: a disclosure button; Escape closes it. */
export function QuickSwitcher({ searchUrl, selectAction }: QuickSwitcherProps) {
  const t = useTranslations('switcher');
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (!isOpen && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  return (
    <div className="quick-switcher" onKeyDown={(event) => event.key === 'Escape' && setIsOpen(false)}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen(!isOpen)}
      >
        {t('header.quickSwitch')}
      </button>
      {isOpen ? (
        <div id={panelId} className="quick-switcher__panel card">
          <CustomerSwitcher searchUrl={searchUrl} selectAction={selectAction} autoFocus debounceMs={150} />
        </div>
      ) : null}
    </div>
  );
}
