/**
 * The Content-Security-Policy of every page (proxy.ts sets it with a fresh nonce per request).
 * `base-uri 'none'`: no page uses <base>, so an injected one can never redirect relative links
 * and form targets (issue 14.8; `'self'` still allowed a same-origin one).
 */
export function buildContentSecurityPolicy(nonce: string, isDevelopment: boolean, formActionOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    // Development's hot reload injects style tags; production serves only our stylesheet files.
    `style-src 'self'${isDevelopment ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Plus the reseller portal's origin when its sign-in is configured: without JavaScript the login
    // form's post is answered with a 303 to its authorization endpoint, and Chromium applies
    // form-action to the redirects of a form submission too (issue 15).
    ["form-action 'self'", ...formActionOrigins].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}
