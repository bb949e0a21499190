// RFC 8176 names: `otp` (a one-time password, e.g. TOTP) and `mfa` (several factors). A password
// alone (`pwd`) or a remembered device is not a second factor.
const SECOND_FACTOR_AMR = new Set(['otp', 'mfa']);

/**
 * Did the reseller portal's authentication use a second factor? Its ID token says so with `amr`
 * containing otp or mfa, or with an `acr` agreed in RESELLER_PORTAL_TWO_FACTOR_ACR.
 */
export function hasResellerPortalSecondFactor(identity: { amr: readonly string[]; acr: string | null }, acceptedAcrValues: readonly string[]): boolean {
  if (identity.amr.some((method) => SECOND_FACTOR_AMR.has(method))) return true;
  return identity.acr !== null && acceptedAcrValues.includes(identity.acr);
}
