import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';
import { LanguageSwitcher } from './language-switcher';
import { MainContent } from './main-content';

type AuthCardProps = {
  title: string;
  /** Whose account the page is about ("new.admin@123456.sms"), shown under the brand. */
  account?: string;
  /** This page's own path: the language switch (a plain form post, no JavaScript needed) returns here. */
  returnTo: string;
  children: ReactNode;
};

/**
 * The card of every sign-in page (login, code, recovery, setup, password forgotten, reset,
 * activation and report links), inside the skip link's target, with the language switch above it
 * and the brand mark with the product name at its top.
 */
export function AuthCard({ title, account, returnTo, children }: AuthCardProps) {
  const t = useTranslations('app');
  return (
    <MainContent className="auth-page">
      <div className="auth-language">
        <LanguageSwitcher returnTo={returnTo} />
      </div>
      <div className="auth-card">
        <p className="auth-brand">
          <BrandMark />
          <span>{t('name')}</span>
        </p>
        {account ? <p className="auth-product">{account}</p> : null}
        <h1>{title}</h1>
        {children}
      </div>
    </MainContent>
  );
}
