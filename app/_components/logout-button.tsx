'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

/**
 * **Log out**: a plain POST to /logout (a route handler, so its answer can clear the site's
 * data), never a link a page could prefetch or embed. A full page load follows; with
 * JavaScript the button says so meanwhile and ignores a second press.
 */
export function LogoutButton({ className = 'button button--secondary' }: { className?: string }) {
  const t = useTranslations('header');
  const [pending, setPending] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (pending) event.preventDefault();
    setPending(true);
  };
  return (
    <form method="post" action="/logout" onSubmit={onSubmit}>
      <button type="submit" className={className} aria-disabled={pending || undefined} aria-busy={pending || undefined}>
        {pending ? t('loggingOut') : t('logout')}
      </button>
    </form>
  );
}
