import { isEasilyGuessed } from '@/lib/auth/password-guessability';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

// NIST SP 800-63B / ASVS 6.2: length and a blocklist, no composition rules, no expiry.
export const PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR = 12;
export const PASSWORD_MIN_LENGTH_WITHOUT_TWO_FACTOR = 15;
export const PASSWORD_MAX_LENGTH = 128;

// Shorter context values would reject nearly every password (a username "al" is in "always").
const MIN_CONTEXT_WORD_LENGTH = 3;
const PRODUCT_WORDS = ['mobile security portal', 'mobilesecurity', 'portal'];

export type PasswordPolicyIssue = 'too_short' | 'too_long' | 'common' | 'contains_context';

export type PasswordPolicyContext = {
  tenantDomain?: string;
  username?: string;
  email?: string;
};

function listContextWords({ tenantDomain, username, email }: PasswordPolicyContext): string[] {
  const words = [...PRODUCT_WORDS];
  const domain = tenantDomain ? parseTenantDomain(tenantDomain) : null;
  if (domain) words.push(domain, domain.slice(0, 6));
  if (username) words.push(username.trim().toLowerCase());
  const localPart = email?.split('@')[0]?.trim().toLowerCase();
  if (localPart) words.push(localPart);
  return words.filter((word) => word.length >= MIN_CONTEXT_WORD_LENGTH);
}

export function checkPasswordPolicy({
  password,
  hasTwoFactor,
  context,
}: {
  password: string;
  hasTwoFactor: boolean;
  context: PasswordPolicyContext;
}): PasswordPolicyIssue[] {
  const issues: PasswordPolicyIssue[] = [];
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  const length = [...password].length;
  const minLength = hasTwoFactor ? PASSWORD_MIN_LENGTH_WITH_TWO_FACTOR : PASSWORD_MIN_LENGTH_WITHOUT_TWO_FACTOR;
  if (length < minLength) issues.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) issues.push('too_long');

  const lowered = password.toLowerCase();
  // Past the maximum the password is refused anyway; zxcvbn's matching grows with the length.
  if (length <= PASSWORD_MAX_LENGTH && isEasilyGuessed(password)) issues.push('common');
  if (listContextWords(context).some((word) => lowered.includes(word))) issues.push('contains_context');
  return issues;
}
