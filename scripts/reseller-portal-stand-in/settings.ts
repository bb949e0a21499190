// How `npm run dev` and the browser suite configure the stand-in and the portal alike.

export const STAND_IN_CLIENT_ID = 'mobile-security-portal';
export const STAND_IN_ENTRY = 'scripts/reseller-portal-stand-in/main.ts';

/** The portal's callback for the reseller portal (Auth.js: `<AUTH_URL>/api/auth/callback/<provider id>`). */
export function portalCallbackUrl(portalBaseUrl: string): string {
  return new URL('/api/auth/callback/reseller-portal', portalBaseUrl).href;
}

/**
 * The stand-in's environment (main.ts reads it) and the portal's RESELLER_PORTAL_* settings for it:
 * one client, its secret, the portal's callback addresses, the two-factor page for the RSP dialog.
 */
export function standInEnvironment(input: { issuer: string; clientSecret: string; portalBaseUrls: string[]; testControl?: boolean }) {
  const standIn: Record<string, string> = {
    RESELLER_PORTAL_STAND_IN_ISSUER: input.issuer,
    RESELLER_PORTAL_CLIENT_ID: STAND_IN_CLIENT_ID,
    RESELLER_PORTAL_CLIENT_SECRET: input.clientSecret,
    RESELLER_PORTAL_STAND_IN_REDIRECT_URIS: input.portalBaseUrls.map(portalCallbackUrl).join(','),
    ...(input.testControl ? { RESELLER_PORTAL_STAND_IN_TEST_CONTROL: '1' } : {}),
  };
  const portal: Record<string, string> = {
    RESELLER_PORTAL_ISSUER: input.issuer,
    RESELLER_PORTAL_CLIENT_ID: STAND_IN_CLIENT_ID,
    RESELLER_PORTAL_CLIENT_SECRET: input.clientSecret,
    RESELLER_PORTAL_URL: `${input.issuer}/two-factor`,
  };
  return { standIn, portal };
}
