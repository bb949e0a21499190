'use client';

import { useTranslations } from 'next-intl';
import type { MouseEvent, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

type SubmitButtonProps = {
  children: ReactNode;
  /** What the button says while its form is on the way: "Signing in…". Default: "Sending…". */
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
  name?: string;
  value?: string;
  autoFocus?: boolean;
};

/**
 * The submit button of every form. While the form's action runs it says so and ignores further
 * clicks. It is marked aria-disabled rather than disabled: a disabled button drops the keyboard
 * focus to the page, and people who press Enter twice would then be lost. Without JavaScript it
 * is a plain submit button and the browser shows the page loading.
 */
export function SubmitButton({ children, pendingLabel, variant = 'primary', className, ...buttonProps }: SubmitButtonProps) {
  const t = useTranslations('form');
  const { pending } = useFormStatus();
  const ignoreWhilePending = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
  };
  return (
    <button
      {...buttonProps}
      type="submit"
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={ignoreWhilePending}
    >
      {pending ? (pendingLabel ?? t('sending')) : children}
    </button>
  );
}
