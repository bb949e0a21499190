import { buildContentSecurityPolicy } from '@/lib/http/content-security-policy';
import { hasResellerPortalSecondFactor } from '@/lib/reseller-portal/has-reseller-portal-second-factor';
import { getResellerPortalSettings, mayUseLocalPassword, resellerPortalFormActionSource } from '@/lib/reseller-portal-settings';
import { restoreEnvAfterEach, withEnv } from '../support/environment';

// The RESELLER_PORTAL_* settings (issue 15): all or none, https in production, and what they decide.

const CONFIGURED = {
  RESELLER_PORTAL_ISSUER: 'https://rsp.example.test',
  RESELLER_PORTAL_CLIENT_ID: 'mobile-security-portal',
  RESELLER_PORTAL_CLIENT_SECRET: 'a-client-secret-of-some-length',
};

restoreEnvAfterEach();

describe('reseller-portal settings', () => {
  test('unset: no reseller-portal sign-in, and RSP-linked accounts keep their password here (nobody is locked out)', () => {
    withEnv({ RESELLER_PORTAL_ISSUER: undefined, RESELLER_PORTAL_CLIENT_ID: undefined, RESELLER_PORTAL_CLIENT_SECRET: undefined });
    expect(getResellerPortalSettings()).toBeNull();
    expect(mayUseLocalPassword({ isRspLinked: true })).toBe(true);
    expect(resellerPortalFormActionSource()).toBeNull();
  });

  test('half a configuration is refused, naming what is missing', () => {
    expect(() => withEnv({ ...CONFIGURED, RESELLER_PORTAL_CLIENT_SECRET: undefined })).toThrow(/RESELLER_PORTAL_CLIENT_SECRET: must be set together with/);
    expect(() => withEnv({ RESELLER_PORTAL_ISSUER: 'https://rsp.example.test', RESELLER_PORTAL_CLIENT_ID: undefined, RESELLER_PORTAL_CLIENT_SECRET: undefined })).toThrow(
      /RESELLER_PORTAL_CLIENT_ID.*RESELLER_PORTAL_CLIENT_SECRET/,
    );
  });

  test('production needs an https issuer, except a stand-in on the loopback interface; no query or fragment', () => {
    expect(() => withEnv({ ...CONFIGURED, NODE_ENV: 'production', RESELLER_PORTAL_ISSUER: 'http://rsp.example.test' })).toThrow(/must be an https address in production/);
    expect(withEnv({ ...CONFIGURED, NODE_ENV: 'production', RESELLER_PORTAL_ISSUER: 'http://localhost:3900' }).RESELLER_PORTAL_ISSUER).toBe('http://localhost:3900');
    expect(withEnv({ ...CONFIGURED, NODE_ENV: 'production', RESELLER_PORTAL_ISSUER: 'http://127.0.0.1:3900' }).RESELLER_PORTAL_ISSUER).toBe('http://127.0.0.1:3900');
    expect(() => withEnv({ ...CONFIGURED, RESELLER_PORTAL_ISSUER: 'https://rsp.example.test/?tenant=1' })).toThrow(/must not have a query or fragment/);
  });

  test('configured: RSP-linked accounts lose the password here unless RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD; local accounts keep it', () => {
    withEnv({ ...CONFIGURED, RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD: undefined });
    expect(getResellerPortalSettings()).toMatchObject({ issuer: 'https://rsp.example.test', clientId: 'mobile-security-portal', allowLocalPassword: false });
    expect(mayUseLocalPassword({ isRspLinked: true })).toBe(false);
    expect(mayUseLocalPassword({ isRspLinked: false })).toBe(true);
    withEnv({ ...CONFIGURED, RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD: 'true' });
    expect(mayUseLocalPassword({ isRspLinked: true })).toBe(true);
  });

  test("the login form's post may be redirected to the issuer's origin (CSP form-action), and only there", () => {
    withEnv({ ...CONFIGURED, RESELLER_PORTAL_ISSUER: 'https://rsp.example.test/oidc' });
    const origin = resellerPortalFormActionSource();
    expect(origin).toBe('https://rsp.example.test');
    expect(buildContentSecurityPolicy('nonce', false, [origin!])).toContain("form-action 'self' https://rsp.example.test;");
    expect(buildContentSecurityPolicy('nonce', false)).toContain("form-action 'self';");
  });
});

describe('second factor in the ID token', () => {
  test('amr with otp or mfa counts; a password alone does not', () => {
    expect(hasResellerPortalSecondFactor({ amr: ['pwd', 'otp'], acr: null }, [])).toBe(true);
    expect(hasResellerPortalSecondFactor({ amr: ['mfa'], acr: null }, [])).toBe(true);
    expect(hasResellerPortalSecondFactor({ amr: ['pwd'], acr: null }, [])).toBe(false);
    expect(hasResellerPortalSecondFactor({ amr: [], acr: null }, [])).toBe(false);
  });

  test('an acr counts only when agreed in RESELLER_PORTAL_TWO_FACTOR_ACR', () => {
    expect(hasResellerPortalSecondFactor({ amr: ['pwd'], acr: 'urn:rsp:loa:2fa' }, ['urn:rsp:loa:2fa'])).toBe(true);
    expect(hasResellerPortalSecondFactor({ amr: ['pwd'], acr: 'urn:rsp:loa:1fa' }, ['urn:rsp:loa:2fa'])).toBe(false);
    expect(hasResellerPortalSecondFactor({ amr: ['pwd'], acr: 'urn:rsp:loa:2fa' }, [])).toBe(false);
    expect(withEnv({ ...CONFIGURED, RESELLER_PORTAL_TWO_FACTOR_ACR: ' urn:a , urn:b ' }).RESELLER_PORTAL_TWO_FACTOR_ACR).toEqual(['urn:a', 'urn:b']);
  });
});
