'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { SubmitButton } from '@/app/_components/submit-button';
import type { SwitchableCustomer, SwitchableCustomerPage } from '@/lib/customer-selection/list-switchable-customers';
import { DataTable, type DataTableColumn } from '@/app/_components/data-table/data-table';
import styles from './customer-selection.module.css';

type CustomerSelectionProps = {
  /** The server's first page for `initialTerm`; without it the list is loaded on mount. */
  initialPage?: SwitchableCustomerPage;
  initialTerm?: string;
  /** Route handler answering `?q=&cursor=` with a SwitchableCustomerPage. */
  searchUrl: string;
  /** The customer selection page: the search form's GET target, also without JavaScript. */
  pageUrl: string;
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

const query = (term: string, cursor?: string | null) => `?${new URLSearchParams({ q: term, ...(cursor ? { cursor } : {}) })}`;

/**
 * The reseller's customers, searchable. Without JavaScript it is a GET form (Enter searches, the
 * page answers with the matches) and "Show more customers" is a link to the next keyset page. With
 * JavaScript the list follows the typing, more customers are added below, and the arrow keys move
 * between entries. Each entry is a form posting to the switch action.
 */
export function CustomerSelection({ initialPage, initialTerm = '', searchUrl, pageUrl, selectAction, fetchPage = fetchJson, debounceMs = 250, autoFocus }: CustomerSelectionProps) {
  const t = useTranslations('customerSelection');
  const format = useFormatter();
  const [term, setTerm] = useState(initialTerm);
  const [searchNow, setSearchNow] = useState(0);
  const [page, setPage] = useState<SwitchableCustomerPage>(initialPage ?? { customers: [], nextCursor: null });
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>(initialPage ? 'idle' : 'loading');
  const requestNumber = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const resultsId = useId();
  const isFirstRun = useRef(Boolean(initialPage));
  const skipDebounce = useRef(false);

  useEffect(() => {
    if (isFirstRun.current) {
      isFirstRun.current = false;
      return;
    }
    const current = ++requestNumber.current;
    const delay = skipDebounce.current ? 0 : debounceMs;
    skipDebounce.current = false;
    const timer = setTimeout(
      () => {
        setStatus('loading');
        fetchPage(`${searchUrl}${query(term)}`)
          .then((result) => {
            // An older, slower answer must not overwrite the newer search.
            if (current !== requestNumber.current) return;
            setPage(result);
            setStatus('idle');
          })
          .catch(() => current === requestNumber.current && setStatus('error'));
      },
      delay,
    );
    return () => clearTimeout(timer);
    // searchNow: Enter searches at once instead of after the debounce.
  }, [term, searchNow, searchUrl, fetchPage, debounceMs]);

  function searchAtOnce(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    skipDebounce.current = true;
    setSearchNow((count) => count + 1);
  }

  async function loadMore(event: MouseEvent<HTMLAnchorElement>) {
    if (!page.nextCursor) return;
    event.preventDefault();
    setStatus('loading');
    try {
      const more = await fetchPage(`${searchUrl}${query(term, page.nextCursor)}`);
      setPage({ customers: [...page.customers, ...more.customers], nextCursor: more.nextCursor });
      setStatus('idle');
    } catch {
      setStatus('error');
    }
  }

  function moveFocus(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.customer-selection__entry') ?? []);
    if (buttons.length === 0) return;
    event.preventDefault();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? Math.min(index + 1, buttons.length - 1) : index - 1;
    if (next < 0) document.getElementById(inputId)?.focus();
    else buttons[next]?.focus();
  }

  const columns: DataTableColumn<SwitchableCustomer>[] = [
    {
      id: 'name',
      header: t('columns.name'),
      isRowHeader: true,
      cell: (customer) => (
        <form action={selectAction}>
          <input type="hidden" name="tenantDomain" value={customer.tenantDomain} />
          <SubmitButton variant="secondary" className={`customer-selection__entry ${styles.entry}`} pendingLabel={t('opening', { name: customer.name })}>
            <span className="customer-selection__name">{customer.name}</span>
          </SubmitButton>
        </form>
      ),
    },
    { id: 'tenantDomain', header: t('columns.tenantDomain'), cell: (customer) => <span className="customer-selection__domain">{customer.tenantDomain}</span> },
    {
      id: 'licenses',
      header: t('columns.licenses'),
      cell: (customer) =>
        customer.licenseTypes.map((type) => (
          <span key={type} className={`badge badge--${type === 'mdm' ? 'mdm' : 'mobile-security'}`}>{t(`licenseType.${type}`)}</span>
        )),
    },
    {
      id: 'validUntil',
      header: t('columns.validUntil'),
      cell: (customer) => (customer.validUntil ? format.dateTime(new Date(customer.validUntil), { dateStyle: 'medium', timeZone: 'UTC' }) : '–'),
    },
  ];

  return (
    <div className="customer-selection" onKeyDown={moveFocus}>
      <form method="get" action={pageUrl} role="search" className="customer-selection__search" onSubmit={searchAtOnce}>
        <label htmlFor={inputId} className="field__label">{t('searchLabel')}</label>
        <div className="customer-selection__search-row">
          <input
            id={inputId}
            name="q"
            type="search"
            className="input"
            value={term}
            autoFocus={autoFocus}
            autoComplete="off"
            aria-controls={resultsId}
            aria-describedby={`${inputId}-help`}
            onChange={(event) => setTerm(event.target.value)}
          />
          <SubmitButton variant="secondary">{t('search')}</SubmitButton>
        </div>
        <p id={`${inputId}-help`} className="field__help">{t('searchHelp')}</p>
      </form>
      <p role="status" aria-live="polite" className="visually-hidden">
        {status === 'loading' ? t('loading') : t('resultCount', { count: page.customers.length })}
      </p>
      {status === 'error' ? <p role="alert" className="form-message--error">{t('searchError')}</p> : null}
      {/* While a search runs, an empty list says nothing yet (the status line says "loading"). */}
      <div id={resultsId} ref={listRef}>
        {page.customers.length > 0 || status === 'idle' ? (
          <DataTable caption={t('listLabel')} columns={columns} rows={page.customers} rowKey={(customer) => customer.id} emptyMessage={t('empty')} path={pageUrl} />
        ) : null}
      </div>
      {page.nextCursor ? (
        <a href={`${pageUrl}${query(term, page.nextCursor)}`} className="button button--secondary" onClick={loadMore} aria-disabled={status === 'loading' || undefined}>
          {t('loadMore')}
        </a>
      ) : null}
    </div>
  );
}
