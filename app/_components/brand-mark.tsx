/**
 * The portal's brand mark: a shield with a phone in it, drawn inline (no external asset, so the
 * CSP and the no-network rule stay simple). It takes the current text colour's place through
 * `currentColor` and the surface token (globals.css), so one mark serves both themes. Decorative: the product name
 * always stands next to it.
 */
export function BrandMark({ className = 'brand-mark' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true" focusable="false" data-testid="brand-mark">
      <path d="M16 2.5 4.5 6.8v8.1c0 7.2 4.9 12.6 11.5 14.6 6.6-2 11.5-7.4 11.5-14.6V6.8L16 2.5Z" fill="currentColor" />
      <rect x="11.5" y="9" width="9" height="14.5" rx="1.8" className="brand-mark__phone" fill="none" strokeWidth="2" />
      <path d="M14.6 20.5h2.8" className="brand-mark__phone" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
