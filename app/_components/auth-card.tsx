import type { ReactNode } from 'react';
import { LanguageSwitcher } from './language-switcher';
import { MainContent } from './main-content';

type AuthCardProps = {
  title: string;
  product?: string;
  /** This page's own path: the language switch (a plain form post, no JavaScript needed) returns here. */
  returnTo: string;
  children: ReactNode;
};

/**
 * The card of every sign-in page (login, code, recovery, setup, password forgotten, reset,
 * activation and report links), inside the skip link's target, with the language switch above it.
 */
export function AuthCard({ title, product, returnTo, children }: AuthCardProps) {
  return (
    <MainContent className="auth-page">
      <div className="auth-language">
        <LanguageSwitcher returnTo={returnTo} />
      </div>
      <div className="auth-card">
        {product ? <p className="auth-product">{product}</p> : null}
        <h1>{title}</h1>
        {children}
      </div>
    </MainContent>
  );
}
