'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { SwitchableCustomerPage } from '@/lib/switcher/list-switchable-customers';

type CustomerSwitcherProps = {
  initialPage?: SwitchableCustomerPage;
  /** Route handler answering `?q=&cursor=` with a SwitchableCustomerPage. */
  searchUrl: string;
  /** Server action that audits the switch and redirects into the tenant. */
  selectAction: (formData: FormData) => Promise<void>;
  /** Replaceable in tests. */
  fetchPage?: (url: string) => Promise<SwitchableCustomerPage>;
  debounceMs?: number;
  autoFocus?: boolean;
};

async function fetchJson(url: string): Promise<SwitchableCustomerPage> {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error(`search failed: ${response.status}`);
  return (await response.json()) as SwitchableCustomerPage;
}

/** Search-as-you-type list of the reseller's customers; arrow keys move between entries. */
export function CustomerSwitcher({ initialPage, searchUrl, selectAction, fetchPage = fetchJson, debounceMs = 250, autoFocus }: CustomerSwitcherProps) {
  const t = useTranslations('switcher');
  const format = useFormatter();
  const [term, setTerm] = useState('');
  const [page, setPage] = useState<SwitchableCustomerPage>(initialPage ?? { customers: [], nextCursor: null });
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>(initialPage ? 'idle' : 'loading');
  const requestNumber = useRef(0);
  const listRef = useRef<HTMLUListElement>(null);
  const inputId = useId();
  const resultsId = useId();
  const isFirstRun = useRef(Boolean(initialPage));

  useEffect(() => {
    if (isFirstRun.current) {
      isFirstRun.current = false;
      return;
    }
    const current = ++requestNumber.current;
    const timer = setTimeout(() => {
      setStatus('loading');
      fetchPage(`${searchUrl}?q=${encodeURIComponent(term)}`)
        .then((result) => {
          // An older, slower answer must not overwrite the newer search.
          if (current !== requestNumber.current) return;
          setPage(result);
          setStatus('idle');
        })
        .catch(() => current === requestNumber.current && setStatus('error'));
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [term, searchUrl, fetchPage, debounceMs]);

  async function loadMore() {
    if (!page.nextCursor) return;
    setStatus('loading');
    try {
      const more = await fetchPage(`${searchUrl}?q=${encodeURIComponent(term)}&cursor=${encodeURIComponent(page.nextCursor)}`);
      setPage({ customers: [...page.customers, ...more.customers], nextCursor: more.nextCursor });
      setStatus('idle');
    } catch {
      setStatus('error');
    }
  }

  function moveFocus(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-customer]') ?? []);
    if (buttons.length === 0) return;
    event.preventDefault();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? Math.min(index + 1, buttons.length - 1) : index - 1;
    if (next < 0) document.getElementById(inputId)?.focus();
    else buttons[next]?.focus();
  }

  return (
    <div className="customer-switcher" onKeyDown={moveFocus}>
      <label htmlFor={inputId} className="field__label">{t('searchLabel')}</label>
      <input
        id={inputId}
        type="search"
        className="input"
        value={term}
        autoFocus={autoFocus}
        autoComplete="off"
        aria-controls={resultsId}
        aria-describedby={`${inputId}-help`}
        onChange={(event) => setTerm(event.target.value)}
      />
      <p id={`${inputId}-help`} className="field__help">{t('searchHelp')}</p>
      <p role="status" aria-live="polite" className="visually-hidden">
        {status === 'loading' ? t('loading') : t('resultCount', { count: page.customers.length })}
      </p>
      {status === 'error' ? <p role="alert" className="form-message--error">{t('searchError')}</p> : null}
      {page.customers.length === 0 && status === 'idle' ? <p className="empty-state">{t('empty')}</p> : null}
      <ul id={resultsId} ref={listRef} className="customer-switcher__list" aria-label={t('listLabel')}>
        {page.customers.map((customer) => (
          <li key={customer.id}>
            <form action={selectAction}>
              <input type="hidden" name="tenantDomain" value={customer.tenantDomain} />
              <button type="submit" data-customer className="customer-switcher__entry">
                <span className="customer-switcher__name">{customer.name}</span>{' '}
                <span className="customer-switcher__domain">{customer.tenantDomain}</span>{' '}
                {customer.licenseTypes.map((type) => (
                  <span key={type} className={`badge badge--${type === 'mdm' ? 'mdm' : 'mobile-security'}`}>{t(`licenseType.${type}`)}</span>
                ))}{' '}
                {customer.validUntil ? (
                  <span className="field__help">{t('validUntil', { date: format.dateTime(new Date(customer.validUntil), { dateStyle: 'medium', timeZone: 'UTC' }) })}</span>
                ) : null}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {page.nextCursor ? (
        <button type="button" className="button button--secondary" onClick={loadMore} disabled={status === 'loading'}>
          {t('loadMore')}
        </button>
      ) : null}
    </div>
  );
}
