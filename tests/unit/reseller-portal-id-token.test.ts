import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { verifyResellerPortalIdToken } from '@/lib/reseller-portal/verify-reseller-portal-id-token';

// The portal's own check of the reseller portal's ID token (issue 15): the signature against the
// issuer's published keys (Auth.js does not check it for tokens from the token endpoint), plus
// issuer, audience and expiry. A small issuer on a local port publishes discovery and its key.

const CLIENT_ID = 'mobile-security-portal';
let server: Server;
let issuer: string;
let issuerKey: CryptoKey;
let otherKey: CryptoKey;
const KID = 'issuer-key-1';
let metadataIssuer: (issuer: string) => string = (value) => value;

beforeAll(async () => {
  ({ privateKey: issuerKey } = await generateKeyPair('RS256', { extractable: true }));
  ({ privateKey: otherKey } = await generateKeyPair('RS256'));
  const publicJwk = await exportJWK(issuerKey);
  delete publicJwk.d;
  for (const field of ['p', 'q', 'dp', 'dq', 'qi'] as const) delete publicJwk[field];
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/.well-known/openid-configuration')) res.end(JSON.stringify({ issuer: metadataIssuer(issuer), jwks_uri: `${issuer}/jwks` }));
    else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [{ ...publicJwk, kid: KID, alg: 'RS256', use: 'sig' }] }));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer, aud: CLIENT_ID, sub: 'rsp-subject-1', iat: now, exp: now + 300, tenant_domain: '100001.sms', username: 'reseller.admin', amr: ['pwd', 'otp'], ...overrides };
}

function sign(payload: JWTPayload, key: CryptoKey = issuerKey, header: { alg: string; kid?: string } = { alg: 'RS256', kid: KID }) {
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

const verify = (token: string, configuredIssuer = issuer) => verifyResellerPortalIdToken(token, { issuer: configuredIssuer, clientId: CLIENT_ID });

describe('reseller portal ID token', () => {
  test('a token the issuer signed names the account, its amr and acr', async () => {
    expect(await verify(await sign(claims({ acr: 'urn:rsp:2fa' })))).toEqual({
      ok: true,
      identity: { issuer, subject: 'rsp-subject-1', tenantDomain: '100001.sms', username: 'reseller.admin', amr: ['pwd', 'otp'], acr: 'urn:rsp:2fa' },
    });
  });

  test('a forged signature (another key under the issuer key id) is refused', async () => {
    expect(await verify(await sign(claims(), otherKey))).toEqual({ ok: false, reason: 'signature_invalid' });
  });

  test('a key the issuer never published is refused', async () => {
    expect(await verify(await sign(claims(), otherKey, { alg: 'RS256', kid: 'unknown-key' }))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  test('"signed" with the client secret (HS256) is refused: only the issuer\'s asymmetric keys count', async () => {
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-client-secret-of-some-length'));
    expect(await verify(token)).toMatchObject({ ok: false });
  });

  test('another audience, another issuer, an expired token and a token without subject are refused', async () => {
    expect(await verify(await sign(claims({ aud: 'another-client' })))).toEqual({ ok: false, reason: 'audience_mismatch' });
    expect(await verify(await sign(claims({ iss: 'http://127.0.0.1:9/elsewhere' })))).toEqual({ ok: false, reason: 'issuer_mismatch' });
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect(await verify(await sign(claims({ iat: past - 300, exp: past })))).toEqual({ ok: false, reason: 'expired' });
    expect(await verify(await sign(claims({ sub: undefined })))).toEqual({ ok: false, reason: 'claims_invalid' });
  });

  test('missing or odd account claims come through as null; the subject still identifies', async () => {
    const result = await verify(await sign(claims({ tenant_domain: 42, username: undefined, amr: 'otp' })));
    expect(result).toMatchObject({ ok: true, identity: { subject: 'rsp-subject-1', tenantDomain: null, username: null, amr: [], acr: null } });
  });

  test('an issuer whose discovery names another issuer, or that does not answer, is unreachable', async () => {
    expect(await verify(await sign(claims()), 'http://127.0.0.1:9')).toEqual({ ok: false, reason: 'issuer_unreachable' });
    metadataIssuer = () => 'http://127.0.0.1:9/impostor';
    try {
      expect(await verify(await sign(claims()), `${issuer}/other`)).toEqual({ ok: false, reason: 'issuer_unreachable' });
    } finally {
      metadataIssuer = (value) => value;
    }
    // Discovery compares URL-normalised issuers, as Auth.js does: a trailing slash is the same issuer.
    expect(await verify(await sign(claims()), `${issuer}/`)).toMatchObject({ ok: true, identity: { issuer } });
  });
});
