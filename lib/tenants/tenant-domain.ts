const TENANT_DOMAIN_PATTERN = /^[0-9]{6}\.sms$/;
// Portal URLs carry the tenant as `tenant-123456.sms` (host or path part) or as the `/tenant/123456.sms`
// route segment. The lookarounds stop a 7-digit number or a longer suffix (`.smsx`) from matching in part.
const EMBEDDED_TENANT_PATTERN = /tenant[-/]([0-9]{6}\.sms)(?![a-z0-9])/g;
// Input comes from a form field; bounding it keeps the regex work trivially small.
const MAX_INPUT_LENGTH = 2048;

/** Strict check for the normalized form, e.g. `123456.sms`. */
export function isTenantDomain(value: string): boolean {
  return TENANT_DOMAIN_PATTERN.test(value);
}

/**
 * Turns what a person typed or pasted (a tenant domain, or a portal URL containing one) into the
 * normalized tenant domain, or null when it is not exactly one recognisable tenant domain.
 */
export function parseTenantDomain(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return null;
  const candidate = input.trim().toLowerCase();
  if (isTenantDomain(candidate)) return candidate;

  const found = new Set<string>();
  for (const match of candidate.matchAll(EMBEDDED_TENANT_PATTERN)) {
    if (match[1]) found.add(match[1]);
  }
  // Text naming two different tenants is ambiguous: guessing one could send a login to the wrong tenant.
  if (found.size !== 1) return null;
  const [tenantDomain] = found;
  return tenantDomain ?? null;
}
