import type { NextConfig } from 'next';
import { buildContentSecurityPolicy } from '@/lib/http/content-security-policy';

// HSTS is decided in next.config.ts from NODE_ENV when the config loads (the browser suite runs a
// production build over plain HTTP on loopback and sees the header there; browsers apply it only
// on HTTPS responses, RFC 6797 8.1). This checks the decision itself: production yes, development no.

async function headersWhen(nodeEnv: 'production' | 'development'): Promise<Record<string, string>> {
  const env = process.env as Record<string, string | undefined>;
  const previous = env.NODE_ENV;
  env.NODE_ENV = nodeEnv;
  try {
    let config: NextConfig | undefined;
    await jest.isolateModulesAsync(async () => {
      config = (await import('@/next.config')).default;
    });
    const rules = (await config!.headers!()) ?? [];
    const everyPage = rules.find((rule) => rule.source === '/:path*');
    return Object.fromEntries((everyPage?.headers ?? []).map((header) => [header.key, header.value]));
  } finally {
    env.NODE_ENV = previous;
  }
}

describe('security headers from next.config.ts', () => {
  it('a production server sends HSTS for two years, subdomains included, on every path', async () => {
    const headers = await headersWhen('production');
    expect(headers['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
  });

  it('a development server on http://localhost sends no HSTS (it would pin localhost to HTTPS)', async () => {
    const headers = await headersWhen('development');
    expect(headers['Strict-Transport-Security']).toBeUndefined();
  });

  it('both send nosniff, DENY framing and a referrer policy', async () => {
    for (const nodeEnv of ['production', 'development'] as const) {
      const headers = await headersWhen(nodeEnv);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['X-Frame-Options']).toBe('DENY');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('the Content-Security-Policy of proxy.ts', () => {
  const directives = (csp: string) => new Map(csp.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));

  it("allows no <base> element at all: base-uri 'none' (issue 14.8)", () => {
    for (const isDevelopment of [false, true]) expect(directives(buildContentSecurityPolicy('bm9uY2U=', isDevelopment)).get('base-uri')).toBe("'none'");
  });

  it('runs only scripts with the nonce in production, and never lets the page be framed', () => {
    const policy = directives(buildContentSecurityPolicy('bm9uY2U=', false));
    expect(policy.get('script-src')).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
  });
});
