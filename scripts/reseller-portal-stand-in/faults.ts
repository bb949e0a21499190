import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type Provider from 'oidc-provider';
import type { SigningKey } from './provider';

// Test-only fault switches (RESELLER_PORTAL_STAND_IN_TEST_CONTROL=1): the next token response
// carries an ID token that is wrong in exactly one way, re-signed with the stand-in's own key
// unless the signature is the fault. The browser suite proves the portal refuses each.
export const ID_TOKEN_FAULTS = ['wrong_audience', 'wrong_issuer', 'wrong_nonce', 'expired', 'bad_signature'] as const;
export type IdTokenFault = (typeof ID_TOKEN_FAULTS)[number];

let armed: IdTokenFault | null = null;

export function armIdTokenFault(fault: IdTokenFault): void {
  armed = fault;
}

async function sign(claims: JWTPayload, header: { alg: string; kid?: string }, privateKey: CryptoKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid }).sign(privateKey);
}

async function tamper(idToken: string, fault: IdTokenFault, key: SigningKey): Promise<string> {
  const claims = decodeJwt(idToken);
  const header = decodeProtectedHeader(idToken) as { alg: string; kid?: string };
  const now = Math.floor(Date.now() / 1000);
  switch (fault) {
    case 'wrong_audience':
      return sign({ ...claims, aud: 'another-client' }, header, key.privateKey);
    case 'wrong_issuer':
      return sign({ ...claims, iss: 'http://127.0.0.1:9/another-issuer' }, header, key.privateKey);
    case 'wrong_nonce':
      return sign({ ...claims, nonce: 'a-nonce-this-browser-never-sent' }, header, key.privateKey);
    case 'expired':
      return sign({ ...claims, iat: now - 3600, exp: now - 1800 }, header, key.privateKey);
    case 'bad_signature': {
      // A forgery: the right header (kid included) and claims, signed with a key nobody published.
      const { privateKey } = await generateKeyPair('RS256');
      return sign(claims, header, privateKey);
    }
  }
}

export function installIdTokenFaults(provider: Provider, key: SigningKey): void {
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (!armed || ctx.oidc?.route !== 'token' || ctx.status !== 200 || typeof body?.id_token !== 'string') return;
    const fault = armed;
    armed = null;
    ctx.body = { ...body, id_token: await tamper(body.id_token, fault, key) };
  });
}
