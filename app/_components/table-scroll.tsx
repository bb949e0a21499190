import type { ReactNode } from 'react';

/**
 * The frame of a table that may scroll sideways on narrow screens: a named region that takes
 * keyboard focus, so people without a mouse can scroll it with the arrow keys (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
