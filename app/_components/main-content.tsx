import type { ReactNode } from 'react';

/** Target of the root layout's skip link; every page renders its content inside this. */
export const MAIN_CONTENT_ID = 'main';

type MainContentProps = { children: ReactNode; className?: string };

export function MainContent({ children, className }: MainContentProps) {
  // tabIndex -1 lets the skip link move keyboard focus here, not only scroll.
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className={className}>
      {children}
    </main>
  );
}
