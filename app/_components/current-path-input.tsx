'use client';

import { usePathname } from 'next/navigation';

/**
 * A hidden `returnTo` field with the current page's path, for forms in shared layouts (which do
 * not know the page they wrap). Rendered on the server too, so it works without JavaScript.
 */
export function CurrentPathInput({ name = 'returnTo' }: { name?: string }) {
  return <input type="hidden" name={name} value={usePathname()} />;
}
