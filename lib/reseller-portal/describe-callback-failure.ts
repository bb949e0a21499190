// Why Auth.js refused a reseller-portal callback, as a stable reason for the audit and the logs.
// Auth.js wraps the cause (oauth4webapi's errors) as `cause.err`; lib/ must not import either, so
// the error is read by its documented fields. Only codes and claim names come out: never the
// claims themselves, the code or a token.

type ErrorLike = { name?: unknown; type?: unknown; code?: unknown; error?: unknown; claim?: unknown; err?: unknown; cause?: unknown };

function read(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : {};
}

const SAFE_TOKEN = /^[a-z0-9_]{1,64}$/i;

function safe(value: unknown): string | null {
  return typeof value === 'string' && SAFE_TOKEN.test(value) ? value : null;
}

export function describeResellerPortalCallbackFailure(error: unknown): string {
  const outer = read(error);
  const cause = read(outer.cause);
  const inner = read(cause.err);
  switch (inner.code) {
    // The token endpoint said no: `invalid_grant` is a used (replayed) or expired code, or a PKCE mismatch.
    case 'OAUTH_RESPONSE_BODY_ERROR':
      return `token_request_refused:${safe(inner.error) ?? 'unknown'}`;
    // oauth4webapi's ID token checks: `aud`, `iss`, `nonce`, `azp`.
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      return `id_token_${safe(read(inner.cause).claim) ?? safe(cause.claim) ?? 'claim'}_mismatch`;
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return 'id_token_expired';
    case 'OAUTH_AUTHORIZATION_RESPONSE_ERROR':
    case 'OAUTH_INVALID_RESPONSE':
      return 'authorization_response_invalid';
    default:
      break;
  }
  // The reseller portal answered with an error (e.g. access_denied), or a check cookie was missing.
  if (outer.type === 'OAuthCallbackError') return `provider_error:${safe(cause.error) ?? 'unknown'}`;
  if (outer.type === 'InvalidCheck') return 'check_failed';
  return `auth_error:${safe(outer.type) ?? safe(outer.name) ?? 'unknown'}`;
}
