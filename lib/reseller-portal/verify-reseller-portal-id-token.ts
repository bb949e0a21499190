import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { TENANT_DOMAIN_CLAIM, USERNAME_CLAIM, type ResellerPortalSettings } from '@/lib/reseller-portal-settings';

/** Who the reseller portal says signed in, from an ID token whose signature and claims were checked. */
export type ResellerPortalIdentity = {
  issuer: string;
  subject: string;
  tenantDomain: string | null;
  username: string | null;
  amr: string[];
  acr: string | null;
};

export type IdTokenRefusal = 'signature_invalid' | 'unknown_key' | 'expired' | 'issuer_mismatch' | 'audience_mismatch' | 'claims_invalid' | 'issuer_unreachable';

export type IdTokenCheck = { ok: true; identity: ResellerPortalIdentity } | { ok: false; reason: IdTokenRefusal };

// Asymmetric algorithms only: an HS* token would be "signed" with the client secret, which the
// portal holds itself; `none` is never accepted.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const CLOCK_TOLERANCE_SECONDS = 30;
const FETCH_TIMEOUT_MS = 5_000;
const DISCOVERY_TTL_MS = 10 * 60 * 1000;

type KeySet = { issuer: string; keys: ReturnType<typeof createRemoteJWKSet>; fetchedAt: number };
const keySets = new Map<string, KeySet>();

/** The issuer's metadata (OpenID Connect Discovery 1.0) and its key set, cached for ten minutes. */
async function discoverKeySet(configuredIssuer: string): Promise<KeySet> {
  const cached = keySets.get(configuredIssuer);
  if (cached && Date.now() - cached.fetchedAt < DISCOVERY_TTL_MS) return cached;
  const discovery = new URL(`${configuredIssuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  const response = await fetch(discovery, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  // Discovery §4.3: the metadata must name the issuer we asked (URL-normalised, as Auth.js compares it).
  if (typeof metadata.issuer !== 'string' || new URL(metadata.issuer).href !== new URL(configuredIssuer).href) {
    throw new Error('discovery names another issuer');
  }
  if (typeof metadata.jwks_uri !== 'string') throw new Error('discovery has no jwks_uri');
  const keySet = {
    issuer: metadata.issuer,
    keys: createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS }),
    fetchedAt: Date.now(),
  };
  keySets.set(configuredIssuer, keySet);
  return keySet;
}

function refusalOf(error: unknown): IdTokenRefusal {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature_invalid';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown_key';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') return 'issuer_mismatch';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return 'audience_mismatch';
  if (error instanceof errors.JOSEError) return 'claims_invalid';
  return 'issuer_unreachable';
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : null;
}

/**
 * Checks the ID token Auth.js received from the token endpoint once more, here with its
 * signature: Auth.js (oauth4webapi) checks issuer, audience, expiry and nonce, but, as OpenID
 * Connect Core §3.1.3.7 allows for tokens from the token endpoint, relies on TLS instead of the
 * signature. We verify the signature against the issuer's published keys (jose), so a token the
 * reseller portal did not sign is refused even on a connection without TLS.
 */
export async function verifyResellerPortalIdToken(idToken: string, settings: Pick<ResellerPortalSettings, 'issuer' | 'clientId'>): Promise<IdTokenCheck> {
  let keySet: KeySet;
  try {
    keySet = await discoverKeySet(settings.issuer);
  } catch {
    return { ok: false, reason: 'issuer_unreachable' };
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet.keys, {
      issuer: keySet.issuer,
      audience: settings.clientId,
      algorithms: ALGORITHMS,
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return { ok: false, reason: refusalOf(error) };
  }
  // OpenID Connect Core §2: a case-sensitive string of at most 255 ASCII characters.
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 255) return { ok: false, reason: 'claims_invalid' };
  const amr = Array.isArray(payload.amr) ? payload.amr.filter((entry): entry is string => typeof entry === 'string') : [];
  return {
    ok: true,
    identity: {
      issuer: keySet.issuer,
      subject: payload.sub,
      tenantDomain: stringClaim(payload, TENANT_DOMAIN_CLAIM),
      username: stringClaim(payload, USERNAME_CLAIM),
      amr,
      acr: stringClaim(payload, 'acr'),
    },
  };
}
