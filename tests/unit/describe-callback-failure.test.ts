import { describeResellerPortalCallbackFailure } from '@/lib/reseller-portal/describe-callback-failure';

// Auth.js wraps oauth4webapi's error as `cause.err` and spreads its cause next to it (AuthError's
// constructor); these are those shapes. The browser suite checks the same reasons end to end.

function callbackRouteError(err: object, spread: object = {}) {
  return Object.assign(new Error('callback'), { name: 'CallbackRouteError', type: 'CallbackRouteError', cause: { err, ...spread, provider: 'reseller-portal' } });
}

describe('why a reseller-portal callback was refused', () => {
  test('a used or expired code: the token endpoint said invalid_grant', () => {
    const err = { code: 'OAUTH_RESPONSE_BODY_ERROR', error: 'invalid_grant' };
    expect(describeResellerPortalCallbackFailure(callbackRouteError(err))).toBe('token_request_refused:invalid_grant');
  });

  test('ID token checks name the claim, never its value', () => {
    const claims = { nonce: 'secret-ish', sub: 'x' };
    for (const claim of ['aud', 'iss', 'nonce']) {
      const err = { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim, claims, expected: 'e' } };
      expect(describeResellerPortalCallbackFailure(callbackRouteError(err, { claim, claims }))).toBe(`id_token_${claim}_mismatch`);
    }
    expect(describeResellerPortalCallbackFailure(callbackRouteError({ code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' }))).toBe('id_token_expired');
  });

  test('the reseller portal answered with an error, a check cookie was missing, or something else', () => {
    const providerError = Object.assign(new Error('x'), { type: 'OAuthCallbackError', cause: { error: 'access_denied', providerId: 'reseller-portal' } });
    expect(describeResellerPortalCallbackFailure(providerError)).toBe('provider_error:access_denied');
    expect(describeResellerPortalCallbackFailure(Object.assign(new Error('x'), { type: 'InvalidCheck' }))).toBe('check_failed');
    expect(describeResellerPortalCallbackFailure(Object.assign(new Error('x'), { type: 'Weird type with spaces' }))).toBe('auth_error:Error');
    expect(describeResellerPortalCallbackFailure(undefined)).toBe('auth_error:unknown');
  });

  test('an error code that is not a plain word is not copied into the audit', () => {
    const err = { code: 'OAUTH_RESPONSE_BODY_ERROR', error: '<script>' };
    expect(describeResellerPortalCallbackFailure(callbackRouteError(err))).toBe('token_request_refused:unknown');
  });
});
