import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { findAccount } from './accounts';
import { page, html } from './html';

export type StandInSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
};

export type SigningKey = { privateKey: CryptoKey; kid: string; alg: 'RS256' };

// The claims the portal reads (lib/reseller-portal-settings.ts): the account's
// tenant domain and username under the scope `portal_account`; acr, amr and auth_time with openid.
const CLAIMS = {
  acr: null,
  amr: null,
  auth_time: null,
  iss: null,
  sid: null,
  openid: ['sub', 'acr', 'amr', 'auth_time'],
  portal_account: ['tenant_domain', 'username'],
};

async function createSigningKey(): Promise<{ key: SigningKey; jwk: JWK }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  return { key: { privateKey, kid, alg: 'RS256' }, jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
}

/**
 * oidc-provider (panva, OpenID Certified) configured as the reseller portal: one confidential
 * client (the portal), the authorization code flow with PKCE required, the account claims in
 * the ID token, our own login pages (routes.ts). Its state lives in memory: a stand-in for
 * development and tests, never part of the portal's production build.
 */
export async function createStandInProvider(settings: StandInSettings): Promise<{ provider: Provider; signingKey: SigningKey }> {
  const { key, jwk } = await createSigningKey();
  const configuration: Configuration = {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: settings.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx, subject) {
      const account = findAccount(subject);
      if (!account) return undefined;
      return {
        accountId: account.subject,
        claims: () => ({ sub: account.subject, tenant_domain: account.tenantDomain, username: account.username }),
      };
    },
    claims: CLAIMS,
    scopes: ['openid', 'portal_account'],
    // The portal reads the account claims from the ID token, not from userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The portal is the reseller portal's own first-party client: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid portal_account');
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [jwk] },
    ttl: { AuthorizationCode: 60, IdToken: 300, AccessToken: 300, Grant: 600, Interaction: 600, Session: 3600 },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('Something went wrong', html`<p class="error">${String(out.error ?? 'error')}</p><p>${String(out.error_description ?? '')}</p>`);
    },
  };
  const provider = new Provider(settings.issuer, configuration);
  return { provider, signingKey: key };
}
