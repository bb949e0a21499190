import 'server-only';
import type { OIDCConfig } from 'next-auth/providers';
import { RESELLER_PORTAL_PROVIDER_ID, RESELLER_PORTAL_SCOPE, type ResellerPortalSettings } from '@/lib/reseller-portal-settings';

/**
 * Auth.js's OpenID Connect client for the reseller portal: the authorization code flow with PKCE,
 * state and nonce, the endpoints found by discovery of RESELLER_PORTAL_ISSUER. Auth.js checks the
 * token response (issuer, audience, expiry, nonce); the ID token's signature and everything about
 * the account are decided in lib/reseller-portal (auth.ts's signIn callback).
 */
export function resellerPortalProvider(settings: ResellerPortalSettings, publicBaseUrl: string): OIDCConfig<Record<string, unknown>> {
  return {
    id: RESELLER_PORTAL_PROVIDER_ID,
    name: 'Reseller Portal',
    type: 'oidc',
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: RESELLER_PORTAL_SCOPE } },
    // The redirect_uri is always PUBLIC_BASE_URL's callback, in the authorization request and in
    // the token request alike. Auth.js derives it from the request's URL, and Next.js writes a
    // loopback host (127.0.0.1) in a route handler's URL as `localhost` but not in a server
    // action's: the two would differ and the code exchange fail. On the public address this
    // changes nothing (Auth.js's "redirect proxy" is then the portal itself).
    redirectProxyUrl: new URL('/api/auth', publicBaseUrl).href,
    // The user Auth.js knows is only a carrier: lib/reseller-portal decides who signs in.
    profile: (claims) => ({ id: typeof claims.sub === 'string' ? claims.sub : undefined }),
  };
}
