import { Secret, TOTP } from 'otpauth';

// RFC 6238 defaults that every authenticator app understands (SECURITY.md: SHA1, 6 digits, 30 s, ±1).
const ISSUER = 'Mobile Security Portal';
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD_SECONDS = 30;
const WINDOW = 1;
const SECRET_BYTES = 20;
const CODE_PATTERN = /^[0-9]{6}$/;

function createTotp(secret: string, label = 'totp'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** 20 random bytes (160 bits, RFC 4226 recommendation), base32-encoded. */
export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

export function buildTotpUri({
  secret,
  username,
  tenantDomain,
}: {
  secret: string;
  username: string;
  tenantDomain: string;
}): string {
  return createTotp(secret, `${username}@${tenantDomain}`).toString();
}

/** Groups of four for people who type the secret instead of scanning the QR code. */
export function formatSecretForDisplay(secret: string): string {
  const compact = secret.replace(/\s+/g, '');
  return compact.match(/.{1,4}/g)?.join(' ') ?? '';
}

export function generateTotpCode({ secret, now = Date.now() }: { secret: string; now?: number }): string {
  return createTotp(secret).generate({ timestamp: now });
}

/**
 * Returns the absolute time step the code belongs to (within ±1 step of `now`), or null.
 * Callers store that step and accept only later ones, so each code works once (SECURITY.md, ASVS 6.5).
 */
export function findTotpTimeStep({
  secret,
  code,
  now = Date.now(),
}: {
  secret: string;
  code: string;
  now?: number;
}): number | null {
  const token = code.replace(/\s+/g, '');
  if (!CODE_PATTERN.test(token)) return null;
  // otpauth returns 0 for the current step, so only null means "no match".
  const delta = createTotp(secret).validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}
