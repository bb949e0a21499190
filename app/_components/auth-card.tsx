import type { ReactNode } from 'react';
import { MainContent } from './main-content';

type AuthCardProps = { title: string; product?: string; children: ReactNode };

/** The card of the login, two-factor, reset and activation pages, inside the skip link's target. */
export function AuthCard({ title, product, children }: AuthCardProps) {
  return (
    <MainContent className="auth-page">
      <div className="auth-card">
        {product ? <p className="auth-product">{product}</p> : null}
        <h1>{title}</h1>
        {children}
      </div>
    </MainContent>
  );
}
