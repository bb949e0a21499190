import type { ReactElement } from 'react';

/**
 * React Email's `render` loads react-dom/server with a dynamic import(), which jest's CommonJS
 * runtime refuses (Next's server runs it fine). Same components, same steps: static markup with
 * React Email's doctype, plain text through React Email's own toPlainText. Use as
 * `jest.mock('@react-email/components', () => jest.requireActual('../support/react-email-static-render').reactEmailWithStaticRender())`.
 */
export function reactEmailWithStaticRender() {
  const actual = jest.requireActual<typeof import('@react-email/components')>('@react-email/components');
  const { renderToStaticMarkup } = jest.requireActual<typeof import('react-dom/server')>('react-dom/server');
  const { toPlainText } = jest.requireActual<typeof import('@react-email/render')>('@react-email/render');
  const doctype = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
  return {
    ...actual,
    render: async (node: ReactElement, options?: { plainText?: boolean }) => {
      const html = renderToStaticMarkup(node);
      return options?.plainText ? toPlainText(html) : `${doctype}${html}`;
    },
  };
}
